-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop statistics public.s2
DROP STATISTICS public.s2;

-- step 2: create statistics public.s2
CREATE STATISTICS public.s2 (ndistinct) ON a, (c * 3::numeric) FROM public.t;

-- step 3: create statistics public.s3
CREATE STATISTICS public.s3 ON (lower(b)), (c > 1) FROM public.t;

COMMIT;
