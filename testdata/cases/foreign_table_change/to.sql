CREATE EXTENSION postgres_fdw;
CREATE SERVER one FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'one');
CREATE SERVER two FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'two');

CREATE FOREIGN TABLE public.items (
    id integer OPTIONS (column_name 'id') NOT NULL,
    name text OPTIONS (column_name 'title') DEFAULT 'x',
    added numeric CHECK (added > 0)
) SERVER one OPTIONS (table_name 'items2', fetch_size '100');
COMMENT ON FOREIGN TABLE public.items IS 'remote items, renamed';
COMMENT ON COLUMN public.items.name IS 'the title';

CREATE FOREIGN TABLE public.moves (id integer) SERVER two;

CREATE FOREIGN TABLE public.becomes_foreign (id integer) SERVER two;

CREATE VIEW public.item_names AS SELECT id, name FROM public.items;
