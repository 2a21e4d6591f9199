CREATE TABLE public.orders (id serial, region text NOT NULL, total int, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE public.orders_eu PARTITION OF public.orders FOR VALUES IN ('eu');
CREATE VIEW public.order_totals AS SELECT region, sum(total) AS s FROM public.orders GROUP BY region;
CREATE MATERIALIZED VIEW public.order_count AS SELECT count(*) AS n FROM public.orders;
ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON public.orders USING (region = current_user);
CREATE TABLE public.lines (id int PRIMARY KEY, order_id int);
