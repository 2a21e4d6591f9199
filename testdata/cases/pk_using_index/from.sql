CREATE TABLE t (id int NOT NULL, code text NOT NULL);
CREATE UNIQUE INDEX t_code_idx ON t (code);
CREATE TABLE u (id int PRIMARY KEY);
