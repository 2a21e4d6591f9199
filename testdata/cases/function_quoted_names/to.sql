CREATE SCHEMA "Fancy Schema";
CREATE TABLE "Fancy Schema"."My Table" ("Col A" integer, "select" text);
CREATE FUNCTION "Fancy Schema"."Do Thing"("In Arg" integer, "select" text DEFAULT 'it''s') RETURNS TABLE("Out Col" integer, "from" text)
    LANGUAGE sql SET search_path = "Fancy Schema", public AS $$ SELECT "In Arg", "select" $$;
CREATE FUNCTION "Fancy Schema"."Trig Fn"() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN RETURN NEW; END $f$;
CREATE TRIGGER "Fancy Trigger" BEFORE INSERT OR UPDATE OF "Col A", "select" ON "Fancy Schema"."My Table"
    FOR EACH ROW WHEN (NEW."Col A" > 0) EXECUTE FUNCTION "Fancy Schema"."Trig Fn"('with ''quote''', 'x.y');
ALTER TABLE "Fancy Schema"."My Table" DISABLE TRIGGER "Fancy Trigger";
CREATE FUNCTION "Fancy Schema"."order"(x integer) RETURNS integer LANGUAGE sql AS $function$SELECT 1 $function$;
COMMENT ON FUNCTION "Fancy Schema"."Do Thing"(integer, text) IS 'quoted';
COMMENT ON TRIGGER "Fancy Trigger" ON "Fancy Schema"."My Table" IS 'trig';
