CREATE TABLE t (a integer, b text);

-- renovate:renamed-from old_name
CREATE VIEW new_name AS SELECT a, b FROM t;
-- The dependent follows the rename by itself (PostgreSQL tracks the view
-- by OID); its query now prints the new name.
CREATE VIEW reads_old AS SELECT a FROM new_name;
-- renovate:renamed-from old_mv
CREATE MATERIALIZED VIEW new_mv AS SELECT b FROM t;
CREATE INDEX old_mv_b_idx ON new_mv (b);
