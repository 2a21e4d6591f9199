-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter table public.t1
ALTER TABLE public.t1 SET (parallel_workers='4', fillfactor='80', autovacuum_enabled='false', toast.autovacuum_vacuum_threshold='100');

-- step 2: alter table public.t3
ALTER TABLE public.t3 RESET (parallel_workers);

-- step 3: alter table public.t3
ALTER TABLE public.t3 SET (autovacuum_analyze_threshold='10');

COMMIT;
