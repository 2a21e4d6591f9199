-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop conversion public.utf8_latin1
DROP CONVERSION public.utf8_latin1;

-- step 2: drop function public.to_latin1(integer, integer, cstring, internal, integer, boolean)
DROP FUNCTION public.to_latin1(integer, integer, cstring, internal, integer, boolean);

COMMIT;
