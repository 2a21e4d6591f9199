CREATE TABLE t (a integer);
CREATE FUNCTION scale(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT x * 10';
CREATE VIEW scaled AS SELECT scale(a) AS s FROM t;
CREATE FUNCTION label(t) RETURNS text LANGUAGE sql AS 'SELECT ''row''';
CREATE VIEW labelled AS SELECT label(t) AS l FROM t;
