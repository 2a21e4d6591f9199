CREATE TABLE t (a integer, b text);

CREATE MATERIALIZED VIEW becomes_materialized AS SELECT a FROM t;
CREATE VIEW becomes_plain AS SELECT b FROM t;
CREATE VIEW reads_both AS SELECT m.a, p.b FROM becomes_materialized m, becomes_plain p;
