-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter operator public.~~~(integer, integer)
ALTER OPERATOR public.~~~ (integer, integer) SET (RESTRICT = scalarltsel, JOIN = eqjoinsel);

-- step 2: alter operator public.~~~(integer, integer)
COMMENT ON OPERATOR public.~~~ (integer, integer) IS 'changed in place';

COMMIT;
