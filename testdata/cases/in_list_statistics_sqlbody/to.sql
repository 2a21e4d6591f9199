CREATE TABLE t (a int, k varchar(5));
CREATE STATISTICS s ON (k IN ('x', 'y')), a FROM t;
CREATE FUNCTION f(k varchar) RETURNS boolean LANGUAGE sql IMMUTABLE RETURN k IN ('x', 'y');
CREATE TABLE added (id int);
