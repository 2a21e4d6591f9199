-- A nested AND or OR is one node inside another in the stored tree;
-- PostgreSQL's pretty printer (pg_get_viewdef(oid, true)) leaves out the
-- parentheses, and its text read back is a single flat AND: another tree.
-- Files written by init keep pg_get_viewdef's full form, and expressions
-- (defaults, checks, index predicates, generated columns) keep theirs.
CREATE TABLE t (
    a integer,
    b integer,
    c integer,
    d boolean DEFAULT (true AND (false AND true)),
    e boolean GENERATED ALWAYS AS ((a = 1) OR ((b = 2) OR (c = 3))) STORED,
    CONSTRAINT t_check CHECK (a > 0 AND (b > 0 AND c > 0))
);
CREATE INDEX t_partial ON t (a) WHERE a = 1 AND (b = 2 AND c = 3);
CREATE VIEW flat AS SELECT a FROM t WHERE a = 1 AND (b = 2 AND c = 3);
CREATE VIEW nested AS
    SELECT a, (d AND (e AND d)) AS x, a - (b - c) AS y
    FROM t
    WHERE (a = 1 OR (b = 2 OR c = 3)) AND (d AND (e OR (d OR e)));
CREATE MATERIALIZED VIEW m AS SELECT a FROM t WHERE a = 1 OR (b = 2 OR c = 3);
