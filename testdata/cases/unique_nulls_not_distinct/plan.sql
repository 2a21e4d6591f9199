-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create constraint public.users.users_email_key
-- hazard index_build: Adding users_email_key builds an index on public.users, blocking writes, and fails on duplicate rows. (public.users: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.users while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.users: <size>)
ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE (email);

-- step 2: create constraint public.users.users_name_email_key
-- hazard index_build: Adding users_name_email_key builds an index on public.users, blocking writes, and fails on duplicate rows. (public.users: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.users while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.users: <size>)
ALTER TABLE public.users ADD CONSTRAINT users_name_email_key UNIQUE NULLS NOT DISTINCT (name, email);

COMMIT;
