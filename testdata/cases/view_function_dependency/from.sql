CREATE TABLE t (a integer, b text);

CREATE FUNCTION double_it(x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';
CREATE FUNCTION shout(s text) RETURNS text
    LANGUAGE sql IMMUTABLE AS 'SELECT upper(s)';

CREATE VIEW doubled AS SELECT a, double_it(a) AS d FROM t;
CREATE VIEW loud AS SELECT shout(b) AS s FROM t;
CREATE VIEW on_doubled AS SELECT d FROM doubled;
