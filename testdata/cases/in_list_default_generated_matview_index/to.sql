CREATE TABLE t (a int, k varchar(5), flag boolean GENERATED ALWAYS AS (k IN ('x', 'y')) STORED, d boolean DEFAULT ('a'::varchar IN ('a', 'b')));
CREATE MATERIALIZED VIEW mv AS SELECT a, k FROM t;
CREATE INDEX mv_a ON mv (a) WHERE a IN (1, 2) AND k IN ('x', 'y');
CREATE TABLE added (id int);
