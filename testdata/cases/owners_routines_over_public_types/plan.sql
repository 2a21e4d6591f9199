-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter function public.f(m public.mood)
-- hazard security: Changes the owner of function public.f(m public.mood) from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER FUNCTION public.f(m public.mood) OWNER TO own_b;

COMMIT;
