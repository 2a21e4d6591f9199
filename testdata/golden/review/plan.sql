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

-- step 2: drop column public.orders.note
-- hazard deletes_data: Dropping column public.orders.note deletes its values. (public.orders: 0 B, row count unknown until ANALYZE)
ALTER TABLE public.orders DROP COLUMN note;

-- step 3: alter function public.order_tax(amount numeric)
CREATE OR REPLACE FUNCTION public.order_tax(amount numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT round(amount * 0.2, 2) $function$;

-- step 4: create table public.customers
CREATE TABLE public.customers (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    email text NOT NULL,
    name text NOT NULL,
    CONSTRAINT customers_email_key UNIQUE (email),
    CONSTRAINT customers_pkey PRIMARY KEY (id)
);

-- step 5: create column public.orders.customer_id
ALTER TABLE public.orders ADD COLUMN customer_id bigint;

-- step 6: alter column public.orders.total
-- hazard table_rewrite: Changing the type of public.orders.total rewrites the table under an ACCESS EXCLUSIVE lock. (public.orders: 0 B, row count unknown until ANALYZE)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.orders while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.orders: 0 B, row count unknown until ANALYZE)
ALTER TABLE public.orders ALTER COLUMN total TYPE numeric(12,2) USING total::numeric(12,2);

-- step 7: create index public.orders.orders_customer_id_idx
-- hazard index_build: Building index orders_customer_id_idx blocks writes to public.orders until it finishes. (public.orders: 0 B, row count unknown until ANALYZE)
CREATE INDEX orders_customer_id_idx ON public.orders USING btree (customer_id);

-- step 8: create constraint public.orders.orders_customer_id_fkey
-- hazard validation_scan: Adding orders_customer_id_fkey scans public.orders and fails if an existing row violates it. (public.orders: 0 B, row count unknown until ANALYZE)
ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);

-- step 9: create view public.order_totals
CREATE VIEW public.order_totals AS
SELECT customer_name, count(*) AS orders, sum(total) AS total FROM public.orders GROUP BY customer_name;

COMMIT;
