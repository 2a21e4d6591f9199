-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter type public.event
ALTER TYPE public.event ADD ATTRIBUTE payload jsonb CASCADE;

-- step 2: alter type public.item
-- hazard deletes_data: Dropping attribute weight of public.item deletes its values in public.items.weight, public.items_archive.weight.
ALTER TYPE public.item DROP ATTRIBUTE weight CASCADE;

-- step 3: alter type public.item
-- hazard table_rewrite: Changing the type of public.items.label rewrites the table under an ACCESS EXCLUSIVE lock.
-- hazard table_rewrite: Changing the type of public.items_archive.label rewrites the table under an ACCESS EXCLUSIVE lock.
ALTER TYPE public.item ALTER ATTRIBUTE label TYPE character varying(40) CASCADE;

-- step 4: alter type public.item
ALTER TYPE public.item ADD ATTRIBUTE price numeric(10,2) CASCADE;

-- step 5: alter column public.items.label
ALTER TABLE public.items ALTER COLUMN label DROP DEFAULT;

-- step 6: alter column public.items.price
ALTER TABLE public.items ALTER COLUMN price SET DEFAULT 0;

-- step 7: alter column public.items.price
-- hazard validation_scan: SET NOT NULL scans public.items under an ACCESS EXCLUSIVE lock and fails if a row holds NULL. (public.items: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.items while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.items: <size>)
ALTER TABLE public.items ALTER COLUMN price SET NOT NULL;

COMMIT;
