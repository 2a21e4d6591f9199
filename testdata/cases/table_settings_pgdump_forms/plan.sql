-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter column public.t.id
-- hazard validation_scan: SET NOT NULL scans public.t under an ACCESS EXCLUSIVE lock and fails if a row holds NULL. (public.t: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t: <size>)
ALTER TABLE public.t ALTER COLUMN id SET NOT NULL;

-- step 2: alter column public.t.id
ALTER TABLE ONLY public.t ALTER COLUMN id SET STATISTICS 10;

-- step 3: alter column public.t.name
ALTER TABLE ONLY public.t ALTER COLUMN name SET (n_distinct='5');

-- step 4: create constraint public.t.t_pk
-- hazard index_build: Adding t_pk builds an index on public.t, blocking writes, and fails on duplicate rows. (public.t: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t: <size>)
ALTER TABLE public.t ADD CONSTRAINT t_pk PRIMARY KEY (id);

-- step 5: create index public.t.t_e
-- hazard index_build: Building index t_e blocks writes to public.t until it finishes. (public.t: <size>)
CREATE INDEX t_e ON public.t USING btree ((id + 1));

-- step 6: alter index public.t.t_e
ALTER INDEX public.t_e ALTER COLUMN 1 SET STATISTICS 100;

-- step 7: alter table public.t
ALTER TABLE public.t CLUSTER ON t_e;

-- step 8: create view public.v
CREATE VIEW public.v AS
SELECT t.id, t.name FROM public.t;

-- step 9: alter column public.v.name
ALTER VIEW public.v ALTER COLUMN name SET DEFAULT 'x'::text;

-- step 10: alter index public.t.t_pk
COMMENT ON INDEX public.t_pk IS 'c';

COMMIT;
