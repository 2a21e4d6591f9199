-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop cast text AS public.label
DROP CAST (text AS public.label);

-- step 2: drop cast integer AS public.mood
DROP CAST (integer AS public.mood);

-- step 3: create cast integer AS public.mood
CREATE CAST (integer AS public.mood) WITH FUNCTION public.mood_of(integer) AS IMPLICIT;

-- step 4: alter cast integer AS public.mood
COMMENT ON CAST (integer AS public.mood) IS 'now implicit';

COMMIT;
