-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create cast integer AS public.mood
CREATE CAST (integer AS public.mood) WITH FUNCTION public.mood_of(integer) AS ASSIGNMENT;

-- step 2: create table public.people
CREATE TABLE public.people (
    id integer NOT NULL,
    feeling public.mood DEFAULT 2 NOT NULL,
    CONSTRAINT people_pkey PRIMARY KEY (id)
);

-- step 3: alter cast integer AS public.mood
COMMENT ON CAST (integer AS public.mood) IS 'scores to moods';

COMMIT;
