-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter table public.cache
-- hazard table_rewrite: Changing public.cache between LOGGED and UNLOGGED rewrites the table. (public.cache: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.cache while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.cache: <size>)
ALTER TABLE public.cache SET LOGGED;

-- step 2: alter table public.log
-- hazard table_rewrite: Changing public.log between LOGGED and UNLOGGED rewrites the table. (public.log: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.log while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.log: <size>)
ALTER TABLE public.log SET UNLOGGED;

COMMIT;
