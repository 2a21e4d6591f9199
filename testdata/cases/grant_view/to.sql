CREATE TABLE public.items (id integer PRIMARY KEY, name text, price numeric);
CREATE VIEW public.cheap AS SELECT id, name FROM public.items WHERE price < 10;
CREATE MATERIALIZED VIEW public.totals AS SELECT count(*) AS n FROM public.items;
-- The column list changes incompatibly: the view is dropped and created
-- again, and keeps its grants.
CREATE VIEW public.rebuilt AS SELECT name, id FROM public.items;
CREATE VIEW public.fresh AS SELECT id FROM public.items;
GRANT SELECT, UPDATE ON public.cheap TO app_rw;
GRANT SELECT ON public.totals TO app_ro;
GRANT SELECT ON public.rebuilt TO app_ro;
GRANT ALL ON ALL TABLES IN SCHEMA public TO app_rw;
REVOKE TRUNCATE ON public.fresh FROM app_rw;
