-- Grants on the sequences behind identity and serial columns, and
-- column-level grants on views.
CREATE TABLE public.items (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    n serial,
    label text
);
GRANT SELECT, USAGE ON SEQUENCE public.items_id_seq TO priv_writer;
GRANT USAGE ON SEQUENCE public.items_n_seq TO priv_writer;
GRANT SELECT ON SEQUENCE public.items_n_seq TO priv_reader WITH GRANT OPTION;
CREATE VIEW public.item_labels AS SELECT id, label FROM public.items;
GRANT SELECT (id, label) ON public.item_labels TO priv_reader;
GRANT UPDATE (label) ON public.item_labels TO priv_writer;
GRANT INSERT ON public.item_labels TO priv_writer;
