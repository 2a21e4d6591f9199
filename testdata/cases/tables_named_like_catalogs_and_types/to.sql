-- Tables named like catalogs (pg_attribute, pg_constraint) and like
-- built-in types (text, name, oid) are legal in public. renovate prints
-- a table's expressions by creating a temporary copy of it and reading the
-- copy back from the catalogs: the copy must not stand in for the catalog
-- or the type of the same name in that read.
CREATE TABLE public.pg_attribute (
    id integer DEFAULT (1 + 1) NOT NULL,
    label text DEFAULT 'x'::text,
    CONSTRAINT pg_attribute_id_check CHECK (id > 0)
);
CREATE INDEX pg_attribute_label ON public.pg_attribute (lower(label));

CREATE TABLE public.pg_constraint (
    conname text DEFAULT ('c' || 'd'),
    CHECK (conname <> '')
);

CREATE TABLE public.text (
    id integer PRIMARY KEY,
    body text DEFAULT ''::text NOT NULL,
    CHECK (length(body) < 1000)
);
CREATE INDEX text_body_lower ON public.text (lower(body));

CREATE TABLE public.name (
    first text,
    last text DEFAULT 'x' || 'y'
);

CREATE TABLE public.oid (
    id bigint DEFAULT 1 + 1,
    CHECK (id >= 0)
);
