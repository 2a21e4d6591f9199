-- The two sequences swap tables.
CREATE TABLE a (id integer);
CREATE TABLE b (id integer);
CREATE SEQUENCE s1 OWNED BY b.id;
CREATE SEQUENCE s2 OWNED BY a.id;
ALTER TABLE a ALTER COLUMN id SET DEFAULT nextval('s2');
ALTER TABLE b ALTER COLUMN id SET DEFAULT nextval('s1');
