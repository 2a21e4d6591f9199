CREATE TABLE t (id int, name text, qty int, note varchar(20));
-- One default changes, one goes, two come (one of them an explicit NULL
-- the server keeps, being cast to the column's type with its length).
CREATE VIEW v AS SELECT id, name, qty, note FROM t;
ALTER VIEW v ALTER COLUMN name SET DEFAULT 'new';
ALTER VIEW v ALTER COLUMN id SET DEFAULT 0;
ALTER VIEW v ALTER COLUMN note SET DEFAULT NULL::varchar(20);
-- The view is recreated (a column goes): its defaults are set again.
CREATE VIEW w AS SELECT name FROM t;
ALTER VIEW w ALTER COLUMN name SET DEFAULT 'w';
-- A new view, its default written as pg_dump does.
CREATE VIEW x AS SELECT id FROM t;
ALTER TABLE ONLY x ALTER COLUMN id SET DEFAULT 42;
