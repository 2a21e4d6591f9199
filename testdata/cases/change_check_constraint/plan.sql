-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop constraint public.items.items_price_check
ALTER TABLE public.items DROP CONSTRAINT items_price_check;

-- step 2: create constraint public.items.items_price_check
-- hazard validation_scan: Adding items_price_check scans public.items and fails if an existing row violates it. (public.items: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.items while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.items: <size>)
ALTER TABLE public.items ADD CONSTRAINT items_price_check CHECK (price >= 0::numeric);

COMMIT;
