-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter column public.t.d
ALTER TABLE public.t ALTER COLUMN d SET DEFAULT true AND (false AND true);

-- step 2: drop column public.t.e
-- hazard deletes_data: Column public.t.e becomes generated: its stored values are replaced. (public.t: <size>)
-- hazard table_rewrite: Recreating generated column public.t.e rewrites the table. (public.t: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t: <size>)
ALTER TABLE public.t DROP COLUMN e;

-- step 3: create column public.t.e
ALTER TABLE public.t ADD COLUMN e boolean GENERATED ALWAYS AS (a = 1 OR (b = 2 OR c = 3)) STORED;

-- step 4: create constraint public.t.t_check
-- hazard validation_scan: Adding t_check scans public.t and fails if an existing row violates it. (public.t: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t: <size>)
ALTER TABLE public.t ADD CONSTRAINT t_check CHECK (a > 0 AND (b > 0 AND c > 0));

-- step 5: create index public.t.t_partial
-- hazard index_build: Building index t_partial blocks writes to public.t until it finishes. (public.t: <size>)
CREATE INDEX t_partial ON public.t USING btree (a) WHERE a = 1 AND (b = 2 AND c = 3);

-- step 6: alter view public.flat
CREATE OR REPLACE VIEW public.flat AS
SELECT a FROM public.t WHERE a = 1 AND (b = 2 AND c = 3);

-- step 7: create materialized_view public.m
CREATE MATERIALIZED VIEW public.m AS
SELECT a FROM public.t WHERE a = 1 OR (b = 2 OR c = 3);

-- step 8: create view public.nested
CREATE VIEW public.nested AS
SELECT a, d AND (e AND d) AS x, a - (b - c) AS y FROM public.t WHERE (a = 1 OR (b = 2 OR c = 3)) AND (d AND (e OR (d OR e)));

COMMIT;
