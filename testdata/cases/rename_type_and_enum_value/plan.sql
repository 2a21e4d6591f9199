-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: rename type public.Pair
ALTER TYPE public.pair RENAME TO "Pair";

-- step 2: rename type public.colour
ALTER TYPE public.color RENAME TO colour;

-- step 3: rename type public.tint
ALTER TYPE public.shade RENAME TO tint;

-- step 4: rename type public.colour
ALTER TYPE public.colour RENAME VALUE 'grean' TO 'green';

-- step 5: alter column public.things.c
ALTER TABLE public.things ALTER COLUMN c DROP DEFAULT;

-- step 6: alter column public.things.c
ALTER TABLE public.things ALTER COLUMN c SET DEFAULT 'green';

COMMIT;
