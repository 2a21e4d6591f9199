-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create function public.rev_cmp(a integer, b integer)
CREATE OR REPLACE FUNCTION public.rev_cmp(a integer, b integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE STRICT
AS $function$SELECT btint4cmp(b, a)$function$;

-- step 2: create operator_family public.int_hash USING hash
CREATE OPERATOR FAMILY public.int_hash USING hash;

-- step 3: create operator_family public.rev_int_ops USING btree
CREATE OPERATOR FAMILY public.rev_int_ops USING btree;

-- step 4: create operator_class public.int_hash_ops USING hash
CREATE OPERATOR CLASS public.int_hash_ops FOR TYPE integer USING hash FAMILY public.int_hash AS
    OPERATOR 1 =(integer, integer),
    FUNCTION 1 (integer, integer) hashint4(integer);

-- step 5: create operator_class public.rev_int_ops USING btree
CREATE OPERATOR CLASS public.rev_int_ops FOR TYPE integer USING btree FAMILY public.rev_int_ops AS
    OPERATOR 1 >(integer, integer),
    OPERATOR 2 >=(integer, integer),
    OPERATOR 3 =(integer, integer),
    OPERATOR 4 <=(integer, integer),
    OPERATOR 5 <(integer, integer),
    FUNCTION 1 (integer, integer) public.rev_cmp(integer, integer);

-- step 6: create index public.scores.scores_points_hash
-- hazard index_build: Building index scores_points_hash blocks writes to public.scores until it finishes. (public.scores: <size>)
CREATE INDEX scores_points_hash ON public.scores USING hash (points public.int_hash_ops);

-- step 7: create index public.scores.scores_points_rev
-- hazard index_build: Building index scores_points_rev blocks writes to public.scores until it finishes. (public.scores: <size>)
CREATE INDEX scores_points_rev ON public.scores USING btree (points public.rev_int_ops);

-- step 8: alter operator_family public.int_hash USING hash
COMMENT ON OPERATOR FAMILY public.int_hash USING hash IS 'integer hashing';

-- step 9: alter operator_class public.rev_int_ops USING btree
COMMENT ON OPERATOR CLASS public.rev_int_ops USING btree IS 'descending integers';

COMMIT;
