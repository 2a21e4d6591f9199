-- The parameter is renamed (drop and create): the policy and the
-- trigger's WHEN that call it come down and go back up.
CREATE FUNCTION allowed(who integer) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT who > 0 $$;
CREATE TABLE docs (id integer, owner integer);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY docs_owner ON docs USING (allowed(owner));
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER docs_touch BEFORE UPDATE ON docs FOR EACH ROW WHEN (allowed(NEW.owner)) EXECUTE FUNCTION touch();
