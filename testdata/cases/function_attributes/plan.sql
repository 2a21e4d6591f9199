-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter function public.f1(a integer)
CREATE OR REPLACE FUNCTION public.f1(a integer)
 RETURNS integer
 LANGUAGE sql
 STABLE PARALLEL RESTRICTED STRICT SECURITY DEFINER COST 0.5
 SET search_path TO 'public', 'pg_temp'
AS $function$SELECT a$function$;

-- step 2: alter function public.f2(a integer)
CREATE OR REPLACE FUNCTION public.f2(a integer)
 RETURNS SETOF integer
 LANGUAGE sql
 SET statement_timeout TO '5000'
AS $function$SELECT a$function$;

-- step 3: alter function public.f3()
CREATE OR REPLACE FUNCTION public.f3()
 RETURNS integer
 LANGUAGE sql
 SET search_path TO ''
AS $function$SELECT 1$function$;

COMMIT;
