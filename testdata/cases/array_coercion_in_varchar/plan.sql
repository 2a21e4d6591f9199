-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create constraint public.orders.orders_kind_check
-- hazard validation_scan: Adding orders_kind_check scans public.orders and fails if an existing row violates it. (public.orders: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.orders while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.orders: <size>)
ALTER TABLE public.orders ADD CONSTRAINT orders_kind_check CHECK (kind::text = ANY((ARRAY['a'::varchar, 'b'::varchar, 'c'::varchar])::varchar[]::text[]));

COMMIT;
