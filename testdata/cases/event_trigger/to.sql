CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;
CREATE FUNCTION on_drop() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;
CREATE EVENT TRIGGER ddl_watch ON ddl_command_end WHEN TAG IN ('create table', 'ALTER TABLE') EXECUTE FUNCTION on_ddl();
CREATE EVENT TRIGGER drop_watch ON sql_drop EXECUTE FUNCTION on_drop();
ALTER EVENT TRIGGER drop_watch DISABLE;
CREATE EVENT TRIGGER "New Watch" ON ddl_command_start EXECUTE PROCEDURE on_ddl();
COMMENT ON EVENT TRIGGER "New Watch" IS 'watches';
