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
-- hazard table_rewrite: Changing the type of public.t.id rewrites the table under an ACCESS EXCLUSIVE lock. (public.t: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t: <size>)
ALTER TABLE public.t ALTER COLUMN id TYPE bigint USING id::bigint;

-- step 2: alter column public.t.id
ALTER TABLE public.t ALTER COLUMN id SET MAXVALUE 9223372036854775807;

COMMIT;
