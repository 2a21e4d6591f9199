CREATE TABLE public.items (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    label text,
    n integer NOT NULL
);
GRANT SELECT ON SEQUENCE public.items_id_seq TO priv_reader;
CREATE VIEW public.v AS SELECT id, label FROM public.items;
GRANT SELECT (id) ON public.v TO priv_reader;
GRANT UPDATE (label) ON public.v TO priv_writer;
GRANT SELECT ON public.v TO priv_writer;
