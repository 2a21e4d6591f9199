CREATE TABLE t (id int, a text, b text, c numeric, e int, f int);
ALTER TABLE t ALTER COLUMN a SET STATISTICS 100;
ALTER TABLE t ALTER COLUMN b SET STATISTICS 200;
ALTER TABLE t ALTER COLUMN c SET (n_distinct = -0.5, n_distinct_inherited = 10);
ALTER TABLE t ALTER COLUMN f SET (n_distinct = 7);

CREATE TABLE p (id int, v text);
CREATE TABLE k () INHERITS (p);
ALTER TABLE p ALTER COLUMN v SET STATISTICS 50;
