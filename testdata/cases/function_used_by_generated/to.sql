-- The parameter is renamed: the function is dropped and created again,
-- and the generated column using it is recomputed around it.
CREATE FUNCTION twice(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';
CREATE TABLE t (a integer, b integer GENERATED ALWAYS AS (twice(a)) STORED);
COMMENT ON COLUMN t.b IS 'twice a';
