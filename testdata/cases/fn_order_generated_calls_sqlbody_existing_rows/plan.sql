-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create function public.scaled(q integer)
CREATE OR REPLACE FUNCTION public.scaled(q integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
RETURN q * 10;

-- step 2: create table public.rates
CREATE TABLE public.rates (
    factor integer
);

-- step 3: create function public.rate()
CREATE OR REPLACE FUNCTION public.rate()
 RETURNS integer
 LANGUAGE sql
 STABLE
BEGIN ATOMIC SELECT factor FROM rates; END;

-- step 4: create column public.orders.total
-- hazard table_rewrite: Adding stored generated column public.orders.total computes it for every row: the table is rewritten. (public.orders: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.orders while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.orders: <size>)
ALTER TABLE public.orders ADD COLUMN total integer GENERATED ALWAYS AS (public.scaled(qty)) STORED;

-- step 5: create column public.orders.r
ALTER TABLE public.orders ADD COLUMN r integer DEFAULT public.rate();

COMMIT;
