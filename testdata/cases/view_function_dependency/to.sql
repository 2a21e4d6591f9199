CREATE TABLE t (a integer, b text);

-- The return type changes: the function is dropped and created again, so
-- the views calling it (and the view on top of them) are too.
CREATE FUNCTION double_it(x integer) RETURNS bigint
    LANGUAGE sql IMMUTABLE AS 'SELECT x::bigint * 2';
-- Only the body changes: CREATE OR REPLACE FUNCTION, the view stays.
CREATE FUNCTION shout(s text) RETURNS text
    LANGUAGE sql IMMUTABLE AS 'SELECT upper(s) || ''!''';

CREATE VIEW doubled AS SELECT a, double_it(a) AS d FROM t;
CREATE VIEW loud AS SELECT shout(b) AS s FROM t;
CREATE VIEW on_doubled AS SELECT d FROM doubled;
