-- 'b' goes (no row holds it); views and the function over the type are
-- recreated around the conversion
CREATE TYPE e AS ENUM ('c', 'a');
CREATE TABLE t (id integer PRIMARY KEY, category e);
CREATE VIEW v AS SELECT * FROM t;
CREATE VIEW v2 AS SELECT *, 'a'::e AS fixed FROM t;
CREATE DOMAIN de AS e;
CREATE FUNCTION pick(x e) RETURNS text LANGUAGE sql AS 'SELECT x::text';
