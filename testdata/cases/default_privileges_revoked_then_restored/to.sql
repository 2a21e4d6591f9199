-- The reverse of default_privileges_then_revoke: the objects got what the
-- default privileges give, then the files took some away; now the files
-- no longer take it away, so the plan grants it back (and revokes what
-- the files granted beyond the defaults).
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO priv_reader;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO priv_reader;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO priv_reader;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO priv_reader;
ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM PUBLIC;
CREATE SCHEMA app;
CREATE SCHEMA extra;
CREATE TABLE app.old (id integer);
CREATE FUNCTION app.old_f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE TABLE app.t (id integer);
CREATE TABLE app.kept (id integer);
REVOKE SELECT ON app.kept FROM priv_reader;
CREATE SEQUENCE app.s;
CREATE VIEW app.v AS SELECT id FROM app.t;
CREATE FUNCTION app.f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION app.closed() RETURNS integer LANGUAGE sql AS 'SELECT 2';
REVOKE EXECUTE ON FUNCTION app.closed() FROM priv_reader;
CREATE PROCEDURE app.p() LANGUAGE sql AS 'SELECT 1';
CREATE DOMAIN app.d AS integer;
CREATE TYPE app.hidden AS ENUM ('x');
GRANT USAGE ON TYPE app.hidden TO PUBLIC;
