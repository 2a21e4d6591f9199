-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop index public.t.t_code_idx
DROP INDEX public.t_code_idx;

-- step 2: create constraint public.t.T code
-- hazard index_build: Adding T code builds an index on public.t, blocking writes, and fails on duplicate rows. (public.t: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t: <size>)
ALTER TABLE public.t ADD CONSTRAINT "T code" UNIQUE (code) INCLUDE (id) WITH (fillfactor='80') DEFERRABLE INITIALLY DEFERRED;

-- step 3: create constraint public.t.t_pkey
-- hazard index_build: Adding t_pkey builds an index on public.t, blocking writes, and fails on duplicate rows. (public.t: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t: <size>)
ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);

COMMIT;
