-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop column public.t.m
-- hazard deletes_data: Dropping column public.t.m deletes its values. (public.t: <size>)
ALTER TABLE public.t DROP COLUMN m;

-- step 2: drop type public.mood
DROP TYPE public.mood;

COMMIT;
