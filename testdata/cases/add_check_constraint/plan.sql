-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create constraint public.users.users_email_check
-- hazard validation_scan: Adding users_email_check scans public.users and fails if an existing row violates it. (public.users: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.users while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.users: <size>)
ALTER TABLE public.users ADD CONSTRAINT users_email_check CHECK (email LIKE '%@%');

COMMIT;
