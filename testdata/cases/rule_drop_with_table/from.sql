CREATE TABLE public.items (id integer PRIMARY KEY, name text);
CREATE TABLE public.item_log (id integer, name text);
CREATE RULE log_insert AS ON INSERT TO public.items DO ALSO INSERT INTO public.item_log (id, name) VALUES (new.id, new.name);
CREATE RULE keep AS ON DELETE TO public.item_log DO INSTEAD NOTHING;
