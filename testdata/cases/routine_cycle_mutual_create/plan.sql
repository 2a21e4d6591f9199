-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create function public.is_even(n integer)
CREATE OR REPLACE FUNCTION public.is_even(n integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT NULL -- placeholder: renovate sets the real body later in this plan$function$;

-- step 2: create function public.is_odd(n integer)
CREATE OR REPLACE FUNCTION public.is_odd(n integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT NULL -- placeholder: renovate sets the real body later in this plan$function$;

-- step 3: alter function public.is_even(n integer)
CREATE OR REPLACE FUNCTION public.is_even(n integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
BEGIN ATOMIC SELECT CASE WHEN n = 0 THEN true ELSE public.is_odd(n - 1) END; END;

-- step 4: alter function public.is_odd(n integer)
CREATE OR REPLACE FUNCTION public.is_odd(n integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
BEGIN ATOMIC SELECT CASE WHEN n = 0 THEN false ELSE public.is_even(n - 1) END; END;

COMMIT;
