-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop view public.scaled
DROP VIEW public.scaled;

-- step 2: drop function public.scale(x integer)
DROP FUNCTION public.scale(x integer);

-- step 3: alter function public.label(public.t)
CREATE OR REPLACE FUNCTION public.label(public.t)
 RETURNS text
 LANGUAGE sql
AS $function$SELECT 'a row'$function$;

-- step 4: create function public.scale(x integer)
CREATE OR REPLACE FUNCTION public.scale(x integer)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT x * 10$function$;

-- step 5: create view public.scaled
CREATE VIEW public.scaled AS
SELECT public.scale(t.a) AS s FROM public.t;

COMMIT;
