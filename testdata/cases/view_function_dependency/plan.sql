-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop view public.on_doubled
DROP VIEW public.on_doubled;

-- step 2: drop view public.doubled
DROP VIEW public.doubled;

-- step 3: drop function public.double_it(x integer)
DROP FUNCTION public.double_it(x integer);

-- step 4: create function public.double_it(x integer)
CREATE OR REPLACE FUNCTION public.double_it(x integer)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT x::bigint * 2$function$;

-- step 5: alter function public.shout(s text)
CREATE OR REPLACE FUNCTION public.shout(s text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT upper(s) || '!'$function$;

-- step 6: create view public.doubled
CREATE VIEW public.doubled AS
SELECT t.a, public.double_it(t.a) AS d FROM public.t;

-- step 7: create view public.on_doubled
CREATE VIEW public.on_doubled AS
SELECT doubled.d FROM public.doubled;

COMMIT;
