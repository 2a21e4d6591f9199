-- An extension-heavy schema: extensions in their own schema and in public,
-- columns, defaults, indexes with extension operator classes, an exclusion
-- constraint through btree_gist, and grants on extension functions (the
-- difference from pg_init_privs is the user's).
CREATE SCHEMA ext;
CREATE EXTENSION hstore WITH SCHEMA ext;
CREATE EXTENSION pg_trgm WITH SCHEMA ext;
CREATE EXTENSION btree_gist WITH SCHEMA ext;
CREATE EXTENSION "uuid-ossp" WITH SCHEMA ext;
CREATE EXTENSION ltree;
CREATE EXTENSION citext;
CREATE EXTENSION intarray;

CREATE TABLE public.documents (
    id uuid PRIMARY KEY DEFAULT ext.uuid_generate_v4(),
    title citext NOT NULL,
    attrs ext.hstore NOT NULL DEFAULT ''::ext.hstore,
    path ltree NOT NULL,
    tag_ids integer[] NOT NULL DEFAULT '{}'
);
CREATE INDEX documents_title_trgm ON public.documents USING gin (title ext.gin_trgm_ops);
CREATE INDEX documents_attrs ON public.documents USING gist (attrs ext.gist_hstore_ops);
CREATE INDEX documents_path ON public.documents USING gist (path);
CREATE INDEX documents_tags ON public.documents USING gin (tag_ids gin__int_ops);

CREATE TABLE public.bookings (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room integer NOT NULL,
    during tstzrange NOT NULL,
    EXCLUDE USING gist (room WITH =, during WITH &&)
);

CREATE FUNCTION public.similar_titles(q text) RETURNS SETOF public.documents
    LANGUAGE sql STABLE
    AS $$ SELECT * FROM public.documents WHERE title::text OPERATOR(ext.%) q $$;

CREATE VIEW public.document_paths AS
    SELECT id, path, nlevel(path) AS depth FROM public.documents;
