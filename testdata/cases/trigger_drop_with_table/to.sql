-- The table, its trigger and the trigger's function go; the other
-- function stays with a view trigger only.
CREATE TABLE kept (a integer);
CREATE FUNCTION other() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE VIEW v AS SELECT a FROM kept;
CREATE TRIGGER v_trg INSTEAD OF INSERT OR UPDATE ON v FOR EACH ROW EXECUTE FUNCTION other();
COMMENT ON TRIGGER v_trg ON v IS 'view trigger';
