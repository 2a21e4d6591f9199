-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop index public.scores.scores_id_points
DROP INDEX public.scores_id_points;

-- step 2: drop index public.scores.scores_points_custom
DROP INDEX public.scores_points_custom;

-- step 3: drop operator_class public.custom_int_ops USING btree
DROP OPERATOR CLASS public.custom_int_ops USING btree;

-- step 4: create operator_class public.custom_int_ops USING btree
CREATE OPERATOR CLASS public.custom_int_ops FOR TYPE integer USING btree FAMILY public.custom_int_ops AS
    OPERATOR 1 <(integer, integer),
    OPERATOR 2 <=(integer, integer),
    OPERATOR 3 =(integer, integer),
    OPERATOR 4 >=(integer, integer),
    OPERATOR 5 >(integer, integer),
    FUNCTION 1 (integer, integer) btint4cmp(integer, integer);

-- step 5: create index public.scores.scores_id_points
-- hazard index_build: Building index scores_id_points blocks writes to public.scores until it finishes. (public.scores: <size>)
CREATE INDEX scores_id_points ON public.scores USING btree (id, points public.custom_int_ops DESC);

-- step 6: create index public.scores.scores_points_custom
-- hazard index_build: Building index scores_points_custom blocks writes to public.scores until it finishes. (public.scores: <size>)
CREATE INDEX scores_points_custom ON public.scores USING btree (points public.custom_int_ops);

COMMIT;
