-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop index public.m3.m3_id
DROP INDEX public.m3_id;

-- step 2: alter materialized_view public.m1
ALTER MATERIALIZED VIEW public.m1 CLUSTER ON m1_a;

-- step 3: alter materialized_view public.m2
ALTER MATERIALIZED VIEW public.m2 SET WITHOUT CLUSTER;

-- step 4: create index public.m3.m3_id
-- hazard index_build: Building index m3_id blocks writes to (refreshes of) materialized view public.m3 while it runs.
CREATE INDEX m3_id ON public.m3 USING btree (id DESC);

-- step 5: alter materialized_view public.m3
ALTER MATERIALIZED VIEW public.m3 CLUSTER ON m3_id;

-- step 6: create materialized_view public.m4
CREATE MATERIALIZED VIEW public.m4 AS
SELECT id FROM public.t;

-- step 7: create index public.m4.m4_id
-- hazard index_build: Building index m4_id blocks writes to (refreshes of) materialized view public.m4 while it runs.
CREATE INDEX m4_id ON public.m4 USING btree (id);

-- step 8: alter materialized_view public.m4
ALTER MATERIALIZED VIEW public.m4 CLUSTER ON m4_id;

COMMIT;
