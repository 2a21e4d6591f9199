CREATE FUNCTION area(r double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS 'SELECT pi() * r * r';
CREATE FUNCTION area(w integer, h integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT w * h';
CREATE FUNCTION area(w numeric, h numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT w * h';
CREATE FUNCTION area(a integer, b integer, c integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT a * b * c';
COMMENT ON FUNCTION area(integer, integer) IS 'rectangle (integers)';
COMMENT ON FUNCTION area(numeric, numeric) IS 'rectangle (numeric)';
