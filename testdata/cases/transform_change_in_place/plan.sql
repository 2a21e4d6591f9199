-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter function public.cheer(m public.mood)
CREATE OR REPLACE FUNCTION public.cheer(m public.mood)
 RETURNS public.mood
 LANGUAGE mypl
 TRANSFORM FOR TYPE public.mood
AS $function$BEGIN RETURN 'happy'; END$function$;

-- step 2: alter transform public.mood LANGUAGE mypl
CREATE OR REPLACE TRANSFORM FOR public.mood LANGUAGE mypl (FROM SQL WITH FUNCTION public.mood_from_sql(internal), TO SQL WITH FUNCTION public.mood_to_sql(internal));

-- step 3: alter transform public.mood LANGUAGE mypl
COMMENT ON TRANSFORM FOR public.mood LANGUAGE mypl IS 'both ways now';

COMMIT;
