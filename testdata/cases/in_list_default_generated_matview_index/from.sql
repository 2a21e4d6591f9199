-- IN lists where PostgreSQL stores a coerced array or an = ANY: a column
-- DEFAULT (which must be parenthesized when printed, = ANY is not a
-- b_expr), a generated column, and an index predicate on a materialized
-- view, which the server tier prints like a table's. Only the new table
-- is planned, and the files rebuild every stored tree.
CREATE TABLE t (a int, k varchar(5), flag boolean GENERATED ALWAYS AS (k IN ('x', 'y')) STORED, d boolean DEFAULT ('a'::varchar IN ('a', 'b')));
CREATE MATERIALIZED VIEW mv AS SELECT a, k FROM t;
CREATE INDEX mv_a ON mv (a) WHERE a IN (1, 2) AND k IN ('x', 'y');
