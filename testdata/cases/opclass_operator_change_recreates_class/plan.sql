-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop index public.scores.scores_points_rev
DROP INDEX public.scores_points_rev;

-- step 2: drop operator_class public.rev_ops USING btree
DROP OPERATOR CLASS public.rev_ops USING btree;

-- step 3: drop operator public.<<<(integer, integer)
DROP OPERATOR public.<<< (integer, integer);

-- step 4: create function public.rev_lt2(a integer, b integer)
CREATE OR REPLACE FUNCTION public.rev_lt2(a integer, b integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE STRICT
AS $function$SELECT b < a$function$;

-- step 5: create operator public.<<<(integer, integer)
CREATE OPERATOR public.<<< (
    FUNCTION = public.rev_lt2,
    LEFTARG = integer,
    RIGHTARG = integer
);

-- step 6: create operator_class public.rev_ops USING btree
CREATE OPERATOR CLASS public.rev_ops FOR TYPE integer USING btree FAMILY public.rev_ops AS
    OPERATOR 1 public.<<<(integer, integer),
    OPERATOR 2 >=(integer, integer),
    OPERATOR 3 =(integer, integer),
    OPERATOR 4 <=(integer, integer),
    OPERATOR 5 <(integer, integer),
    FUNCTION 1 (integer, integer) public.rev_cmp(integer, integer);

-- step 7: create index public.scores.scores_points_rev
-- hazard index_build: Building index scores_points_rev blocks writes to public.scores until it finishes. (public.scores: <size>)
CREATE INDEX scores_points_rev ON public.scores USING btree (points public.rev_ops);

COMMIT;
