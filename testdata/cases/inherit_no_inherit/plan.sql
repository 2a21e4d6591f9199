-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter table public.leaving
ALTER TABLE public.leaving NO INHERIT public.parent;

-- step 2: alter table public.moving
ALTER TABLE public.moving NO INHERIT public.parent;

-- step 3: drop constraint public.leaving.name_set
ALTER TABLE public.leaving DROP CONSTRAINT name_set;

-- step 4: drop constraint public.moving.name_set
ALTER TABLE public.moving DROP CONSTRAINT name_set;

-- step 5: alter column public.joining.id
-- hazard validation_scan: SET NOT NULL scans public.joining under an ACCESS EXCLUSIVE lock and fails if a row holds NULL. (public.joining: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.joining while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.joining: <size>)
ALTER TABLE public.joining ALTER COLUMN id SET NOT NULL;

-- step 6: alter table public.moving
ALTER TABLE public.moving INHERIT public.other_parent;

-- step 7: create constraint public.joining.name_set
-- hazard validation_scan: Adding name_set scans public.joining and fails if an existing row violates it. (public.joining: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.joining while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.joining: <size>)
ALTER TABLE public.joining ADD CONSTRAINT name_set CHECK (name <> '');

-- step 8: alter table public.joining
ALTER TABLE public.joining INHERIT public.parent;

COMMIT;
