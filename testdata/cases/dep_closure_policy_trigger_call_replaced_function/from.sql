CREATE FUNCTION allowed(v integer) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT v > 0 $$;
CREATE TABLE docs (id integer, owner integer);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_owner ON docs USING (allowed(owner));
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER docs_touch BEFORE UPDATE ON docs FOR EACH ROW WHEN (allowed(NEW.owner)) EXECUTE FUNCTION touch();
