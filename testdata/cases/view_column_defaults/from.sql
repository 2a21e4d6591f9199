CREATE TABLE t (id int, name text, qty int, note varchar(20));
CREATE VIEW v AS SELECT id, name, qty, note FROM t;
ALTER VIEW v ALTER COLUMN name SET DEFAULT 'old';
ALTER VIEW v ALTER COLUMN qty SET DEFAULT 1;
CREATE VIEW w AS SELECT id, name FROM t;
ALTER VIEW w ALTER COLUMN name SET DEFAULT 'w';
