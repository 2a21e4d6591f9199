-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter function public.total_price()
CREATE OR REPLACE FUNCTION public.total_price()
 RETURNS numeric
 LANGUAGE sql
 STABLE
AS $function$SELECT NULL -- placeholder: renovate sets the real body later in this plan$function$;

-- step 2: drop view public.v_items
DROP VIEW public.v_items;

-- step 3: drop function public.total_price()
DROP FUNCTION public.total_price();

COMMIT;
