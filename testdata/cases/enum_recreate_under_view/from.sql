CREATE TYPE e AS ENUM ('a', 'b', 'c');
CREATE TABLE t (id integer PRIMARY KEY, category e);
CREATE VIEW v AS SELECT * FROM t;
CREATE VIEW v2 AS SELECT *, 'b'::e AS fixed FROM t;
CREATE DOMAIN de AS e;
CREATE FUNCTION pick(x e) RETURNS text LANGUAGE sql AS 'SELECT x::text';
