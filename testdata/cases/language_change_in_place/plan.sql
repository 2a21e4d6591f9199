-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create function public.my_handler2()
CREATE OR REPLACE FUNCTION public.my_handler2()
 RETURNS language_handler
 LANGUAGE c
AS '$libdir/plpgsql', 'plpgsql_call_handler';

-- step 2: alter language mypl
CREATE OR REPLACE TRUSTED LANGUAGE mypl HANDLER public.my_handler2 INLINE public.my_inline;

-- step 3: alter language mypl
COMMENT ON LANGUAGE mypl IS 'now trusted';

-- step 4: drop function public.my_handler()
DROP FUNCTION public.my_handler();

COMMIT;
