-- The key changes: the table and its partitions are dropped and created
-- again (a hazard: rows are lost); the publication gets it back.
CREATE TABLE logs (id int NOT NULL, at date NOT NULL, level text) PARTITION BY LIST (level);
CREATE TABLE logs_error PARTITION OF logs FOR VALUES IN ('error');
CREATE TABLE logs_2020 PARTITION OF logs DEFAULT;
-- An ordinary table becomes partitioned, and the reverse.
CREATE TABLE plain (id int, kind text) PARTITION BY HASH (id);
CREATE TABLE plain_0 PARTITION OF plain FOR VALUES WITH (MODULUS 1, REMAINDER 0);
CREATE TABLE "Was Partitioned" (id int, kind text);
CREATE PUBLICATION logs_pub FOR TABLE logs;
