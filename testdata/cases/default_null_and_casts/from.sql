CREATE DOMAIN code AS varchar(8);
CREATE TABLE t (id int, a varchar(10) DEFAULT NULL, b numeric(10,2) DEFAULT NULL, c code DEFAULT NULL, d text DEFAULT 'x', e text DEFAULT NULL::varchar);
