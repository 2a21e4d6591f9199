CREATE TABLE public.items (id integer PRIMARY KEY, owner text, visible boolean);
CREATE VIEW public.mine WITH (security_barrier) AS SELECT id, owner FROM public.items WHERE visible;
CREATE VIEW public.all_items AS SELECT id FROM public.items;
