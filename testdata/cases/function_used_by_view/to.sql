CREATE TABLE t (a integer);
-- The return type changes: the view is dropped and created again around it.
CREATE FUNCTION scale(x integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT x * 10';
CREATE VIEW scaled AS SELECT scale(a) AS s FROM t;
-- A function on the table's row type, used by a view, gets a new body.
CREATE FUNCTION label(t) RETURNS text LANGUAGE sql AS 'SELECT ''a row''';
CREATE VIEW labelled AS SELECT label(t) AS l FROM t;
