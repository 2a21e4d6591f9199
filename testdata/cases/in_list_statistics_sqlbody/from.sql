-- IN lists on varchar in a statistics object's expression (printed
-- without parentheses around the array) and in a SQL-standard function
-- body: written by hand they compare equal to the stored ones, and the
-- files rebuild the stored trees.
CREATE TABLE t (a int, k varchar(5));
CREATE STATISTICS s ON (k IN ('x', 'y')), a FROM t;
CREATE FUNCTION f(k varchar) RETURNS boolean LANGUAGE sql IMMUTABLE RETURN k IN ('x', 'y');
