-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: rename function public.new_name(x integer)
ALTER FUNCTION public.old_name(x integer) RENAME TO new_name;

-- step 2: rename trigger public.t.new_trg
ALTER TRIGGER old_trg ON public.t RENAME TO new_trg;

-- step 3: alter function public.new_name(x integer)
CREATE OR REPLACE FUNCTION public.new_name(x integer)
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT x + 0$function$;

COMMIT;
