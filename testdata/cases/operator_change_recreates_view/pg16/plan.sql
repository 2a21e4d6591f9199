-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop view public.close_pairs
DROP VIEW public.close_pairs;

-- step 2: drop operator public.~~~(integer, integer)
DROP OPERATOR public.~~~ (integer, integer);

-- step 3: create operator public.~~~(integer, integer)
CREATE OPERATOR public.~~~ (
    FUNCTION = public.near2,
    LEFTARG = integer,
    RIGHTARG = integer,
    HASHES
);

-- step 4: create view public.close_pairs
CREATE VIEW public.close_pairs AS
SELECT a, b FROM public.pairs WHERE a OPERATOR(public.~~~) b;

COMMIT;
