-- A column an SQL-standard body reads changes type: the function is
-- dropped before and created again after. Functions on the row type of a
-- dropped table are dropped before it.
CREATE TABLE t (a bigint);
CREATE FUNCTION count_a() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(a) FROM t; END;
CREATE FUNCTION row_fn(x t) RETURNS integer LANGUAGE sql AS 'SELECT 1';
