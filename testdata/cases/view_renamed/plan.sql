-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: rename materialized_view public.new_mv
ALTER MATERIALIZED VIEW public.old_mv RENAME TO new_mv;

-- step 2: rename view public.new_name
ALTER VIEW public.old_name RENAME TO new_name;

-- step 3: drop index public.new_mv.old_mv_b_idx
DROP INDEX public.old_mv_b_idx;

-- step 4: create index public.new_mv.old_mv_b_idx
-- hazard index_build: Building index old_mv_b_idx blocks writes to (refreshes of) materialized view public.new_mv while it runs.
CREATE INDEX old_mv_b_idx ON public.new_mv USING btree (b);

COMMIT;
