-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create type public.mood
CREATE TYPE public.mood AS ENUM (
    'sad',
    'happy'
);

-- step 2: create type public.tone
CREATE TYPE public.tone AS ENUM (
    'low',
    'high'
);

-- step 3: create function public.mood_from_sql(internal)
CREATE OR REPLACE FUNCTION public.mood_from_sql(internal)
 RETURNS internal
 LANGUAGE c
 IMMUTABLE STRICT
AS '$libdir/plpgsql', 'plpgsql_call_handler';

-- step 4: create function public.mood_to_sql(internal)
CREATE OR REPLACE FUNCTION public.mood_to_sql(internal)
 RETURNS public.mood
 LANGUAGE c
 IMMUTABLE STRICT
AS '$libdir/plpgsql', 'plpgsql_call_handler';

-- step 5: create function public.my_handler()
CREATE OR REPLACE FUNCTION public.my_handler()
 RETURNS language_handler
 LANGUAGE c
AS '$libdir/plpgsql', 'plpgsql_call_handler';

-- step 6: create language mypl
CREATE TRUSTED LANGUAGE mypl HANDLER public.my_handler;

-- step 7: create transform public.mood LANGUAGE mypl
CREATE TRANSFORM FOR public.mood LANGUAGE mypl (FROM SQL WITH FUNCTION public.mood_from_sql(internal), TO SQL WITH FUNCTION public.mood_to_sql(internal));

-- step 8: create transform public.tone LANGUAGE mypl
CREATE TRANSFORM FOR public.tone LANGUAGE mypl (FROM SQL WITH FUNCTION public.mood_from_sql(internal));

-- step 9: create function public.cheer(m public.mood)
CREATE OR REPLACE FUNCTION public.cheer(m public.mood)
 RETURNS public.mood
 LANGUAGE mypl
 TRANSFORM FOR TYPE public.tone, FOR TYPE public.mood
AS $function$BEGIN RETURN 'happy'; END$function$;

-- step 10: alter transform public.mood LANGUAGE mypl
COMMENT ON TRANSFORM FOR public.mood LANGUAGE mypl IS 'mood to and from mypl';

COMMIT;
