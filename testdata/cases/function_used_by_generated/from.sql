CREATE FUNCTION twice(a integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT a * 2';
CREATE TABLE t (a integer, b integer GENERATED ALWAYS AS (twice(a)) STORED);
COMMENT ON COLUMN t.b IS 'twice a';
INSERT INTO t (a) VALUES (1), (2);
