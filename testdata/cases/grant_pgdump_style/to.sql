-- The way pg_dump writes privileges: revoke everything, then grant,
-- including the owner's own privileges (which renovate leaves alone).
SET SESSION AUTHORIZATION DEFAULT;
CREATE SCHEMA app;
ALTER SCHEMA app OWNER TO postgres;
CREATE TABLE app.items (id integer PRIMARY KEY, name text);
ALTER TABLE app.items OWNER TO postgres;
REVOKE ALL ON SCHEMA app FROM PUBLIC;
REVOKE ALL ON SCHEMA app FROM postgres;
GRANT ALL ON SCHEMA app TO postgres;
GRANT USAGE ON SCHEMA app TO app_ro;
REVOKE ALL ON TABLE app.items FROM PUBLIC;
REVOKE ALL ON TABLE app.items FROM postgres;
GRANT ALL ON TABLE app.items TO postgres;
GRANT SELECT ON TABLE app.items TO app_ro;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE app.items TO app_rw;
