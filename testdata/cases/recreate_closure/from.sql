CREATE TABLE public.orders (id serial PRIMARY KEY, region text NOT NULL, total int);
CREATE VIEW public.order_totals AS SELECT region, sum(total) AS s FROM public.orders GROUP BY region;
CREATE MATERIALIZED VIEW public.order_count AS SELECT count(*) AS n FROM public.orders;
ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON public.orders USING (region = current_user);
CREATE TABLE public.lines (id int PRIMARY KEY, order_id int REFERENCES public.orders(id));
