-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop materialized_view public.mv2
DROP MATERIALIZED VIEW public.mv2;

-- step 2: drop materialized_view public.mv
DROP MATERIALIZED VIEW public.mv;

-- step 3: create materialized_view public.mv
-- hazard table_rewrite: Recreating materialized view public.mv runs its query again to fill it.
CREATE MATERIALIZED VIEW public.mv WITH (fillfactor='70') AS
SELECT a, b FROM public.t;

-- step 4: create index public.mv.mv_a
-- hazard index_build: Building index mv_a blocks writes to (refreshes of) materialized view public.mv while it runs.
CREATE UNIQUE INDEX mv_a ON public.mv USING btree (a);

-- step 5: create index public.mv.mv_a_expr
-- hazard index_build: Building index mv_a_expr blocks writes to (refreshes of) materialized view public.mv while it runs.
CREATE INDEX mv_a_expr ON public.mv USING btree ((a + 1)) WHERE a > 0;

-- step 6: alter materialized_view public.mv
ALTER MATERIALIZED VIEW public.mv CLUSTER ON mv_a;

-- step 7: create materialized_view public.mv2
-- hazard table_rewrite: Recreating materialized view public.mv2 runs its query again to fill it.
CREATE MATERIALIZED VIEW public.mv2 AS
SELECT a FROM public.mv;

-- step 8: create index public.mv2.mv2_a
-- hazard index_build: Building index mv2_a blocks writes to (refreshes of) materialized view public.mv2 while it runs.
CREATE INDEX mv2_a ON public.mv2 USING btree (a);

-- step 9: alter materialized_view public.mv
COMMENT ON MATERIALIZED VIEW public.mv IS 'totals';

-- step 10: alter column public.mv.a
COMMENT ON COLUMN public.mv.a IS 'the a';

-- step 11: alter index public.mv.mv_a
COMMENT ON INDEX public.mv_a IS 'unique a';

-- step 12: alter materialized_view public.mv2
COMMENT ON MATERIALIZED VIEW public.mv2 IS 'reads mv';

-- step 13: alter materialized_view public.mv
GRANT SELECT ON TABLE public.mv TO priv_reader;

-- step 14: alter materialized_view public.mv
GRANT SELECT (a) ON TABLE public.mv TO priv_writer;

-- step 15: alter materialized_view public.mv2
GRANT SELECT ON TABLE public.mv2 TO priv_reader;

COMMIT;
