CREATE TABLE public.items (id integer PRIMARY KEY, name varchar(20));
CREATE TABLE public.item_log (id integer, name text);
CREATE RULE log_insert AS ON INSERT TO public.items DO ALSO INSERT INTO public.item_log (id, name) VALUES (new.id, new.name);
CREATE RULE log_update AS ON UPDATE TO public.item_log DO ALSO NOTIFY item_log;
