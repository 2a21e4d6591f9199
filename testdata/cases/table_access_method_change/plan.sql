-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter table public.logs
-- hazard table_rewrite: Changing the access method of public.logs rewrites it under an ACCESS EXCLUSIVE lock (ALTER TABLE ... SET ACCESS METHOD needs PostgreSQL 15 or later). (public.logs: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.logs while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.logs: <size>)
ALTER TABLE public.logs SET ACCESS METHOD heap;

-- step 2: alter table public.notes
-- hazard table_rewrite: Changing the access method of public.notes rewrites it under an ACCESS EXCLUSIVE lock (ALTER TABLE ... SET ACCESS METHOD needs PostgreSQL 15 or later). (public.notes: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.notes while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.notes: <size>)
ALTER TABLE public.notes SET ACCESS METHOD my_heap;

COMMIT;
