CREATE FUNCTION area(r double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS 'SELECT pi() * r * r';
CREATE FUNCTION area(w integer, h integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT w * h';
CREATE FUNCTION area(s text) RETURNS text LANGUAGE sql AS 'SELECT s';
COMMENT ON FUNCTION area(integer, integer) IS 'rectangle';
