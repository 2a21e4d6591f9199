CREATE TABLE public.items (id integer PRIMARY KEY, name text);
CREATE TABLE public.item_log (id integer, name text);
CREATE RULE log_insert AS ON INSERT TO public.items DO ALSO INSERT INTO public.item_log (id, name) VALUES (new.id, upper(new.name));
ALTER TABLE public.items DISABLE RULE log_insert;
CREATE RULE no_delete AS ON DELETE TO public.items WHERE old.id < 10 DO INSTEAD NOTHING;
ALTER TABLE public.items ENABLE ALWAYS RULE no_delete;
COMMENT ON RULE no_delete ON public.items IS 'the first ten items always stay';
