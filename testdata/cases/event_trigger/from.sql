CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;
CREATE FUNCTION on_drop() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;
CREATE EVENT TRIGGER ddl_watch ON ddl_command_end EXECUTE FUNCTION on_ddl();
CREATE EVENT TRIGGER drop_watch ON sql_drop EXECUTE FUNCTION on_drop();
CREATE EVENT TRIGGER gone ON ddl_command_start EXECUTE FUNCTION on_ddl();
