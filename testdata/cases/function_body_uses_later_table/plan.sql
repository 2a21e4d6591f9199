-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create function public.next_order_number()
CREATE OR REPLACE FUNCTION public.next_order_number()
 RETURNS integer
 LANGUAGE sql
AS $function$ SELECT coalesce(max(n), 0)::integer + 1 FROM public.order_numbers $function$;

-- step 2: create function public.order_count()
CREATE OR REPLACE FUNCTION public.order_count()
 RETURNS bigint
 LANGUAGE plpgsql
AS $function$ BEGIN RETURN (SELECT count(*) FROM public.order_numbers); END $function$;

-- step 3: create table public.order_numbers
CREATE TABLE public.order_numbers (
    n integer
);

-- step 4: create column public.orders.n
ALTER TABLE public.orders ADD COLUMN n integer DEFAULT public.next_order_number();

-- step 5: alter table public.order_numbers
COMMENT ON TABLE public.order_numbers IS 'numéros déjà attribués';

COMMIT;
