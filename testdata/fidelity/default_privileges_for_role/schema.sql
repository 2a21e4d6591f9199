-- Default privileges of another role apply only to the objects that role
-- creates: these objects are created by the role loading the schema, so
-- none of priv_other's defaults apply to them.
CREATE SCHEMA app;
ALTER DEFAULT PRIVILEGES FOR ROLE priv_other REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE priv_other REVOKE USAGE ON TYPES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE priv_other GRANT SELECT ON TABLES TO priv_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE priv_other IN SCHEMA app GRANT USAGE ON SEQUENCES TO priv_reader;
CREATE FUNCTION app.open() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION app.closed() RETURNS integer LANGUAGE sql AS 'SELECT 2';
REVOKE EXECUTE ON FUNCTION app.closed() FROM PUBLIC;
CREATE PROCEDURE app.proc() LANGUAGE sql AS 'SELECT 1';
REVOKE ALL ON PROCEDURE app.proc() FROM PUBLIC;
CREATE TYPE app.mood AS ENUM ('ok');
CREATE TYPE app.hidden AS ENUM ('no');
REVOKE USAGE ON TYPE app.hidden FROM PUBLIC;
CREATE TABLE app.t (id integer);
CREATE SEQUENCE app.s;
