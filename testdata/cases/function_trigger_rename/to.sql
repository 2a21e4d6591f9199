CREATE TABLE t (a integer);
-- renovate:renamed-from old_name
CREATE FUNCTION new_name(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x + 0';
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
-- renovate:renamed-from old_trg
CREATE TRIGGER new_trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();
ALTER TABLE t DISABLE TRIGGER new_trg;
COMMENT ON FUNCTION new_name(integer) IS 'kept across the rename';
