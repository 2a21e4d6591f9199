-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter function public.is_even(n integer)
CREATE OR REPLACE FUNCTION public.is_even(n integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT NULL -- placeholder: renovate sets the real body later in this plan$function$;

-- step 2: alter function public.is_odd(n integer)
CREATE OR REPLACE FUNCTION public.is_odd(n integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT NULL -- placeholder: renovate sets the real body later in this plan$function$;

-- step 3: drop function public.is_odd(n integer)
DROP FUNCTION public.is_odd(n integer);

-- step 4: drop function public.is_even(n integer)
DROP FUNCTION public.is_even(n integer);

COMMIT;
