-- Default privileges of the role that creates the objects grant to
-- priv_reader; the schema then revokes some of what they granted.
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO priv_reader;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO priv_reader;
ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO priv_reader;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO priv_reader;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO priv_reader;
CREATE SCHEMA app;
CREATE SCHEMA other;
REVOKE USAGE ON SCHEMA other FROM priv_reader;
CREATE TABLE app.kept (id integer);
CREATE TABLE app.t (id integer);
REVOKE SELECT ON app.t FROM priv_reader;
CREATE VIEW app.v AS SELECT id FROM app.t;
REVOKE SELECT ON app.v FROM priv_reader;
CREATE SEQUENCE app.s;
REVOKE USAGE ON SEQUENCE app.s FROM priv_reader;
CREATE FUNCTION app.f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
REVOKE EXECUTE ON FUNCTION app.f() FROM priv_reader;
CREATE FUNCTION app.pub() RETURNS integer LANGUAGE sql AS 'SELECT 1';
GRANT EXECUTE ON FUNCTION app.pub() TO PUBLIC;
CREATE PROCEDURE app.p() LANGUAGE sql AS 'SELECT 1';
REVOKE EXECUTE ON PROCEDURE app.p() FROM priv_reader;
CREATE DOMAIN app.d AS integer;
REVOKE USAGE ON DOMAIN app.d FROM priv_reader;
-- The sequences of identity and serial columns get the default
-- privileges for sequences too.
CREATE TABLE app.ids (id integer GENERATED ALWAYS AS IDENTITY, n serial);
REVOKE USAGE ON SEQUENCE app.ids_id_seq FROM priv_reader;
