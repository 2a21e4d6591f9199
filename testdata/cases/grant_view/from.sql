CREATE TABLE public.items (id integer PRIMARY KEY, name text, price numeric);
CREATE VIEW public.cheap AS SELECT id, name FROM public.items WHERE price < 10;
CREATE MATERIALIZED VIEW public.totals AS SELECT count(*) AS n FROM public.items;
CREATE VIEW public.rebuilt AS SELECT id, name FROM public.items;
GRANT SELECT ON public.cheap TO app_ro;
GRANT SELECT ON public.rebuilt TO app_ro;
