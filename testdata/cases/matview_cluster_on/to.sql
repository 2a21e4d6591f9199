CREATE TABLE t (id int, a int);
-- Clustered on another index.
CREATE MATERIALIZED VIEW m1 AS SELECT id, a FROM t;
CREATE INDEX m1_id ON m1 (id);
CREATE INDEX m1_a ON m1 (a);
ALTER MATERIALIZED VIEW m1 CLUSTER ON m1_a;
-- No longer clustered.
CREATE MATERIALIZED VIEW m2 AS SELECT id FROM t;
CREATE INDEX m2_id ON m2 (id);
-- The index is recreated and keeps the mark; written as pg_dump does.
CREATE MATERIALIZED VIEW m3 AS SELECT id FROM t;
CREATE INDEX m3_id ON m3 (id DESC);
ALTER TABLE m3 CLUSTER ON m3_id;
-- A new materialized view, clustered.
CREATE MATERIALIZED VIEW m4 AS SELECT id FROM t;
CREATE INDEX m4_id ON m4 (id);
ALTER MATERIALIZED VIEW m4 CLUSTER ON m4_id;
