-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create function public.total_price()
CREATE OR REPLACE FUNCTION public.total_price()
 RETURNS numeric
 LANGUAGE sql
 STABLE
AS $function$SELECT NULL -- placeholder: renovate sets the real body later in this plan$function$;

-- step 2: create view public.v_items
CREATE VIEW public.v_items AS
SELECT id, price, price / (NULLIF(public.total_price(), 0)) AS share FROM public.items;

-- step 3: alter function public.total_price()
CREATE OR REPLACE FUNCTION public.total_price()
 RETURNS numeric
 LANGUAGE sql
 STABLE
BEGIN ATOMIC SELECT sum(price) FROM v_items; END;

COMMIT;
