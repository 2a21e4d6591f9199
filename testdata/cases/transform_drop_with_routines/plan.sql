-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop function public.frown(m public.mood)
DROP FUNCTION public.frown(m public.mood);

-- step 2: drop function public.cheer(m public.mood)
DROP FUNCTION public.cheer(m public.mood);

-- step 3: drop transform public.tone LANGUAGE mypl
DROP TRANSFORM FOR public.tone LANGUAGE mypl;

-- step 4: drop transform public.mood LANGUAGE mypl
DROP TRANSFORM FOR public.mood LANGUAGE mypl;

-- step 5: create function public.cheer(m public.mood)
CREATE OR REPLACE FUNCTION public.cheer(m public.mood)
 RETURNS public.mood
 LANGUAGE mypl
AS $function$BEGIN RETURN 'happy'; END$function$;

-- step 6: drop type public.tone
DROP TYPE public.tone;

COMMIT;
