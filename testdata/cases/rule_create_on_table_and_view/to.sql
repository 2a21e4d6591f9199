CREATE TABLE public.items (id integer PRIMARY KEY, name text);
CREATE TABLE public.item_log (id integer, name text, at timestamp with time zone DEFAULT now());
CREATE VIEW public.item_names AS SELECT id, name FROM public.items;
CREATE RULE log_insert AS ON INSERT TO public.items DO ALSO INSERT INTO public.item_log (id, name) VALUES (new.id, new.name);
CREATE RULE no_delete AS ON DELETE TO public.items WHERE old.id < 10 DO INSTEAD NOTHING;
CREATE RULE names_insert AS ON INSERT TO public.item_names DO INSTEAD INSERT INTO public.items (id, name) VALUES (new.id, new.name);
COMMENT ON RULE no_delete ON public.items IS 'the first ten items stay';
