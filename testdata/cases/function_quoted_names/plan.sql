-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create function Fancy Schema.Do Thing("In Arg" integer, "select" text)
CREATE OR REPLACE FUNCTION "Fancy Schema"."Do Thing"("In Arg" integer, "select" text DEFAULT 'it''s')
 RETURNS TABLE("Out Col" integer, "from" text)
 LANGUAGE sql
 SET search_path TO 'Fancy Schema', 'public'
AS $function$ SELECT "In Arg", "select" $function$;

-- step 2: create function Fancy Schema.Trig Fn()
CREATE OR REPLACE FUNCTION "Fancy Schema"."Trig Fn"()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN RETURN NEW; END $function$;

-- step 3: create function Fancy Schema.order(x integer)
CREATE OR REPLACE FUNCTION "Fancy Schema"."order"(x integer)
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT 1 $function$;

-- step 4: create trigger Fancy Schema.My Table.Fancy Trigger
CREATE TRIGGER "Fancy Trigger" BEFORE INSERT OR UPDATE OF "Col A", "select" ON "Fancy Schema"."My Table" FOR EACH ROW WHEN (new."Col A" > 0) EXECUTE FUNCTION "Fancy Schema"."Trig Fn"('with ''quote''', 'x.y');

-- step 5: alter trigger Fancy Schema.My Table.Fancy Trigger
ALTER TABLE "Fancy Schema"."My Table" DISABLE TRIGGER "Fancy Trigger";

-- step 6: alter function Fancy Schema.Do Thing("In Arg" integer, "select" text)
COMMENT ON FUNCTION "Fancy Schema"."Do Thing"("In Arg" integer, "select" text) IS 'quoted';

-- step 7: alter trigger Fancy Schema.My Table.Fancy Trigger
COMMENT ON TRIGGER "Fancy Trigger" ON "Fancy Schema"."My Table" IS 'trig';

COMMIT;
