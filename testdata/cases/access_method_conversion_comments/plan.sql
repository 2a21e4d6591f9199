-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter access_method my_heap
COMMENT ON ACCESS METHOD my_heap IS 'new';

-- step 2: alter conversion public.utf8_win
COMMENT ON CONVERSION public.utf8_win IS 'added';

COMMIT;
