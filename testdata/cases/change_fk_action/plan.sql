-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop constraint public.orders.orders_user_id_fkey
ALTER TABLE public.orders DROP CONSTRAINT orders_user_id_fkey;

-- step 2: create constraint public.orders.orders_user_id_fkey
-- hazard validation_scan: Adding orders_user_id_fkey scans public.orders and fails if an existing row violates it. (public.orders: <size>)
ALTER TABLE public.orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE RESTRICT;

COMMIT;
