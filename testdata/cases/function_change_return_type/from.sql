CREATE FUNCTION answer() RETURNS integer LANGUAGE sql AS 'SELECT 42';
CREATE FUNCTION pair(a integer, OUT x integer, OUT y integer) LANGUAGE sql AS 'SELECT a, a';
CREATE FUNCTION named(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION with_default(a integer, b integer DEFAULT 1) RETURNS integer LANGUAGE sql AS 'SELECT a + b';
CREATE FUNCTION becomes_setof() RETURNS integer LANGUAGE sql AS 'SELECT 1';
COMMENT ON FUNCTION answer() IS 'the answer';
REVOKE EXECUTE ON FUNCTION answer() FROM PUBLIC;
