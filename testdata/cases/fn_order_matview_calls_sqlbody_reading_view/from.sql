CREATE TABLE t (n integer);
INSERT INTO t VALUES (1), (2);
