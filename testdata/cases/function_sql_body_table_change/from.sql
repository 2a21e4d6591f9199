CREATE TABLE t (a integer, b integer);
CREATE FUNCTION count_a() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(a) FROM t; END;
CREATE FUNCTION row_fn(x t) RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE TABLE gone (x integer);
CREATE FUNCTION gone_fn(g gone) RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION gone_reader() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(*) FROM gone; END;
