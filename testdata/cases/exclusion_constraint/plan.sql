-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create constraint public.bookings.bookings_no_overlap
-- hazard index_build: Adding bookings_no_overlap builds an index on public.bookings, blocking writes, and fails on duplicate rows. (public.bookings: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.bookings while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.bookings: <size>)
ALTER TABLE public.bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&) WHERE (room > 0);

COMMIT;
