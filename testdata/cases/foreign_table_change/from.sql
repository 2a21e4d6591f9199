CREATE EXTENSION postgres_fdw;
CREATE SERVER one FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'one');
CREATE SERVER two FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'two');

CREATE FOREIGN TABLE public.items (
    id integer OPTIONS (column_name 'item_id') NOT NULL,
    name text,
    gone text
) SERVER one OPTIONS (schema_name 'public', table_name 'items');
COMMENT ON FOREIGN TABLE public.items IS 'remote items';

CREATE FOREIGN TABLE public.moves (id integer) SERVER one;

CREATE TABLE public.becomes_foreign (id integer);
