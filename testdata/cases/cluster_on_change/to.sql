-- Clustered on another index.
CREATE TABLE t (id int PRIMARY KEY, a int, b int);
CREATE INDEX t_a ON t (a);
CREATE INDEX t_b ON t (b);
ALTER TABLE t CLUSTER ON t_b;

-- No longer clustered.
CREATE TABLE t2 (id int PRIMARY KEY, a int);

-- The index is recreated (its definition changes) and keeps the mark.
CREATE TABLE t3 (id int, a int);
CREATE INDEX t3_a ON t3 (a DESC);
ALTER TABLE t3 CLUSTER ON t3_a;

-- A new table clustered on its primary key.
CREATE TABLE t4 (id int PRIMARY KEY);
ALTER TABLE t4 CLUSTER ON t4_pkey;

-- The constraint behind the mark is recreated.
CREATE TABLE t5 (id int, a int, CONSTRAINT t5_key UNIQUE (id, a));
ALTER TABLE t5 CLUSTER ON t5_key;
