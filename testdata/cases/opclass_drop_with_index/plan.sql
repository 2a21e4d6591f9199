-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop index public.scores.scores_points_hash
DROP INDEX public.scores_points_hash;

-- step 2: drop index public.scores.scores_points_rev
DROP INDEX public.scores_points_rev;

-- step 3: drop operator_class public.rev_int_ops USING btree
DROP OPERATOR CLASS public.rev_int_ops USING btree;

-- step 4: drop operator_class public.int_hash_ops USING hash
DROP OPERATOR CLASS public.int_hash_ops USING hash;

-- step 5: drop operator_family public.int_hash USING hash
DROP OPERATOR FAMILY public.int_hash USING hash;

COMMIT;
