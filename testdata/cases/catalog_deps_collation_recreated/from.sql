CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE u (id int, name text);
CREATE INDEX u_name_ci ON u (name COLLATE ci);
CREATE VIEW v_u AS SELECT id FROM u WHERE name = 'x' COLLATE ci;
ALTER TABLE u ADD CONSTRAINT name_ok CHECK ((name COLLATE ci) <> 'bad');
