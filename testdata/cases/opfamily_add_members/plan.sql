-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter operator_family public.int_fam USING btree
ALTER OPERATOR FAMILY public.int_fam USING btree ADD
    OPERATOR 1 <(integer, bigint),
    OPERATOR 5 >(integer, bigint),
    FUNCTION 1 (bigint, integer) btint84cmp(bigint, integer),
    FUNCTION 1 (integer, bigint) btint48cmp(integer, bigint);

-- step 2: alter operator_family public.int_fam USING btree
COMMENT ON OPERATOR FAMILY public.int_fam USING btree IS 'integers of both widths';

COMMIT;
