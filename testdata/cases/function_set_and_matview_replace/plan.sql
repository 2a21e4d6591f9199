-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop materialized_view public.mv
DROP MATERIALIZED VIEW public.mv;

-- step 2: alter extension citext
ALTER EXTENSION citext SET SCHEMA other;

-- step 3: alter function public.f()
CREATE OR REPLACE FUNCTION public.f()
 RETURNS integer
 LANGUAGE sql
 SET search_path TO 'public', 'pg_temp'
 SET work_mem TO '8MB'
AS $function$SELECT 1$function$;

-- step 4: alter function public.g()
CREATE OR REPLACE FUNCTION public.g()
 RETURNS integer
 LANGUAGE sql
 SET statement_timeout TO '5s'
AS $function$SELECT 1$function$;

-- step 5: alter function public.h()
CREATE OR REPLACE FUNCTION public.h()
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT 1$function$;

-- step 6: create materialized_view public.mv
-- hazard table_rewrite: Recreating materialized view public.mv runs its query again to fill it.
CREATE MATERIALIZED VIEW public.mv AS
SELECT 1 AS a, 2 AS b;

-- step 7: create index public.mv.mv_a
-- hazard index_build: Building index mv_a blocks writes to (refreshes of) materialized view public.mv while it runs.
CREATE INDEX mv_a ON public.mv USING btree (a);

-- step 8: alter materialized_view public.mv
COMMENT ON MATERIALIZED VIEW public.mv IS 'mv';

COMMIT;
