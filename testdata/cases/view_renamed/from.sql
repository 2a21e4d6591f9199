CREATE TABLE t (a integer, b text);

CREATE VIEW old_name AS SELECT a, b FROM t;
CREATE VIEW reads_old AS SELECT a FROM old_name;
CREATE MATERIALIZED VIEW old_mv AS SELECT b FROM t;
CREATE INDEX old_mv_b_idx ON old_mv (b);
