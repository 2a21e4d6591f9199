CREATE TABLE logs (id int NOT NULL, at date NOT NULL, level text) PARTITION BY RANGE (at);
CREATE TABLE logs_2020 PARTITION OF logs FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE plain (id int, kind text);
CREATE TABLE "Was Partitioned" (id int, kind text) PARTITION BY LIST (kind);
CREATE TABLE "Was Partitioned a" PARTITION OF "Was Partitioned" FOR VALUES IN ('a');
CREATE PUBLICATION logs_pub FOR TABLE logs;
