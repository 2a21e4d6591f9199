-- Each of these needs DROP + CREATE: CREATE OR REPLACE refuses them.
CREATE FUNCTION answer() RETURNS bigint LANGUAGE sql AS 'SELECT 42::bigint';
CREATE FUNCTION pair(a integer, OUT x integer, OUT z integer) LANGUAGE sql AS 'SELECT a, a';
CREATE FUNCTION named(b integer) RETURNS integer LANGUAGE sql AS 'SELECT b';
CREATE FUNCTION with_default(a integer, b integer) RETURNS integer LANGUAGE sql AS 'SELECT a + b';
CREATE FUNCTION becomes_setof() RETURNS SETOF integer LANGUAGE sql AS 'SELECT 1';
COMMENT ON FUNCTION answer() IS 'the answer';
REVOKE EXECUTE ON FUNCTION answer() FROM PUBLIC;
