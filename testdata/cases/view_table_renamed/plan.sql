-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: rename table public.clients
ALTER TABLE public.customers RENAME TO clients;

-- step 2: rename column public.clients.name
ALTER TABLE public.clients RENAME COLUMN full_name TO name;

-- step 3: drop constraint public.clients.customers_pkey
ALTER TABLE public.clients DROP CONSTRAINT customers_pkey;

-- step 4: create constraint public.clients.clients_pkey
-- hazard index_build: Adding clients_pkey builds an index on public.clients, blocking writes, and fails on duplicate rows.
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.clients while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock).
ALTER TABLE public.clients ADD CONSTRAINT clients_pkey PRIMARY KEY (id);

-- step 5: alter view public.customer_names
CREATE OR REPLACE VIEW public.customer_names AS
SELECT clients.id, clients.name AS full_name FROM public.clients;

COMMIT;
