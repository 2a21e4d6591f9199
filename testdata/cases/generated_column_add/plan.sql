-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create column public.people.full_name
-- hazard table_rewrite: Adding stored generated column public.people.full_name computes it for every row: the table is rewritten. (public.people: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.people while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.people: <size>)
ALTER TABLE public.people ADD COLUMN full_name text GENERATED ALWAYS AS ((first || ' ') || last) STORED;

COMMIT;
