-- A domain's DEFAULT NULL on a type with a length is stored, on text it
-- is not.
CREATE DOMAIN code AS varchar(8) DEFAULT NULL;
CREATE DOMAIN plain AS text DEFAULT NULL;
-- DEFAULT NULL is stored (and shown by pg_dump) where the server cooks it
-- into something other than a plain NULL of the column's type: a length
-- or precision, a domain, a cast to another type. Explicit casts of other
-- defaults stay as the server keeps them.
CREATE TABLE t (id int,
    a varchar(10),
    b numeric(10,2) DEFAULT NULL,
    c code,
    d text DEFAULT 'x'::varchar,
    e text DEFAULT NULL,
    f varchar(10) DEFAULT 'x'::text,
    g text DEFAULT 'x'::varchar(3),
    h int DEFAULT '1'::int,
    i numeric DEFAULT 1::numeric,
    j bigint DEFAULT (1)::int,
    k char(3) DEFAULT 'x'::text,
    l varchar(10) DEFAULT NULL::text,
    m varchar(10) DEFAULT NULL,
    n plain DEFAULT NULL,
    o int[] DEFAULT NULL,
    p varchar(5)[] DEFAULT NULL,
    q interval(3) DEFAULT NULL,
    r text DEFAULT NULL::text,
    s int DEFAULT NULL::bigint
);
-- A child's own DEFAULT NULL overrides its parent's default.
CREATE TABLE parent (a text DEFAULT 'p');
CREATE TABLE child (a text DEFAULT NULL) INHERITS (parent);
ALTER TABLE t ALTER COLUMN id SET DEFAULT NULL;
