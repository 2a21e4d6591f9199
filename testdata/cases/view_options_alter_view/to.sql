-- View options set the way hand-written files and migrations often do:
-- ALTER VIEW ... SET / RESET after the CREATE VIEW.
CREATE TABLE public.items (id integer PRIMARY KEY, owner text, visible boolean);
CREATE VIEW public.mine WITH (security_barrier) AS SELECT id, owner FROM public.items WHERE visible;
ALTER VIEW public.mine RESET (security_barrier);
ALTER VIEW public.mine SET (check_option = local);
CREATE VIEW public.all_items AS SELECT id FROM public.items;
ALTER VIEW public.all_items SET (security_barrier = true);
