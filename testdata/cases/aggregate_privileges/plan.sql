-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter aggregate public.my_rank(VARIADIC "any" ORDER BY VARIADIC "any")
COMMENT ON AGGREGATE public.my_rank(VARIADIC "any" ORDER BY VARIADIC "any") IS 'hypothetical rank';

-- step 2: alter aggregate public.my_rank(VARIADIC "any" ORDER BY VARIADIC "any")
-- hazard security: Revokes privileges (REVOKE EXECUTE ON FUNCTION public.my_rank("any") FROM PUBLIC): roles or applications relying on them lose that access.
REVOKE EXECUTE ON FUNCTION public.my_rank("any") FROM PUBLIC;

-- step 3: alter aggregate public.my_sum(integer)
-- hazard security: Revokes privileges (REVOKE EXECUTE ON FUNCTION public.my_sum(integer) FROM PUBLIC): roles or applications relying on them lose that access.
REVOKE EXECUTE ON FUNCTION public.my_sum(integer) FROM PUBLIC;

-- step 4: alter aggregate public.my_sum(integer)
GRANT EXECUTE ON FUNCTION public.my_sum(integer) TO agg_admin WITH GRANT OPTION;

-- step 5: alter aggregate public.my_sum(integer)
GRANT EXECUTE ON FUNCTION public.my_sum(integer) TO agg_reader;

COMMIT;
