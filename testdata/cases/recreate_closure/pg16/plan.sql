-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop view public.order_totals
DROP VIEW public.order_totals;

-- step 2: drop materialized_view public.order_count
DROP MATERIALIZED VIEW public.order_count;

-- step 3: drop constraint public.lines.lines_order_id_fkey
ALTER TABLE public.lines DROP CONSTRAINT lines_order_id_fkey;

-- step 4: alter sequence public.orders_id_seq
ALTER SEQUENCE public.orders_id_seq OWNED BY NONE;

-- step 5: drop table public.orders
-- hazard deletes_data: Table public.orders is dropped and created again because its partitioning changes (itself or its parent's): all of its rows are deleted. (public.orders: <size>)
DROP TABLE public.orders;

-- step 6: create table public.orders
CREATE TABLE public.orders (
    id integer DEFAULT nextval('public.orders_id_seq'::regclass) NOT NULL,
    region text NOT NULL,
    total integer,
    CONSTRAINT orders_pkey PRIMARY KEY (id, region)
) PARTITION BY LIST (region);

-- step 7: create table public.orders_eu
CREATE TABLE public.orders_eu PARTITION OF public.orders FOR VALUES IN ('eu');

-- step 8: alter sequence public.orders_id_seq
ALTER SEQUENCE public.orders_id_seq OWNED BY public.orders.id;

-- step 9: create materialized_view public.order_count
-- hazard table_rewrite: Recreating materialized view public.order_count runs its query again to fill it.
CREATE MATERIALIZED VIEW public.order_count AS
SELECT count(*) AS n FROM public.orders;

-- step 10: create view public.order_totals
CREATE VIEW public.order_totals AS
SELECT region, sum(total) AS s FROM public.orders GROUP BY region;

-- step 11: create policy public.orders.own
CREATE POLICY own ON public.orders
    USING (region = current_user);

-- step 12: alter table public.orders
ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;

COMMIT;
