-- Tables named like catalogs (pg_attribute, pg_constraint) and like
-- built-in types (text, name, oid) are legal in public. renovate prints
-- a table's expressions by creating a temporary copy of it and reading the
-- copy back from the catalogs: the copy must not stand in for the catalog
-- or the type of the same name in that read.
CREATE TABLE public.pg_attribute (
    id integer NOT NULL,
    label text
);

CREATE TABLE public.text (
    id integer PRIMARY KEY,
    body text NOT NULL
);
