CREATE TABLE t (a integer, b text);

CREATE VIEW becomes_materialized AS SELECT a FROM t;
CREATE MATERIALIZED VIEW becomes_plain AS SELECT b FROM t;
CREATE INDEX becomes_plain_b_idx ON becomes_plain (b);
CREATE VIEW reads_both AS SELECT m.a, p.b FROM becomes_materialized m, becomes_plain p;
