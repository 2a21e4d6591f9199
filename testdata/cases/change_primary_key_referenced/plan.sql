-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop constraint public.cities.cities_country_fkey
ALTER TABLE public.cities DROP CONSTRAINT cities_country_fkey;

-- step 2: drop constraint public.countries.countries_pkey
ALTER TABLE public.countries DROP CONSTRAINT countries_pkey;

-- step 3: create constraint public.countries.countries_code_key
-- hazard index_build: Adding countries_code_key builds an index on public.countries, blocking writes, and fails on duplicate rows. (public.countries: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.countries while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.countries: <size>)
ALTER TABLE public.countries ADD CONSTRAINT countries_code_key UNIQUE (code);

-- step 4: create constraint public.countries.countries_pkey
-- hazard index_build: Adding countries_pkey builds an index on public.countries, blocking writes, and fails on duplicate rows. (public.countries: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.countries while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.countries: <size>)
ALTER TABLE public.countries ADD CONSTRAINT countries_pkey PRIMARY KEY (code, name);

-- step 5: create constraint public.cities.cities_country_fkey
-- hazard validation_scan: Adding cities_country_fkey scans public.cities and fails if an existing row violates it. (public.cities: <size>)
ALTER TABLE public.cities ADD CONSTRAINT cities_country_fkey FOREIGN KEY (country) REFERENCES public.countries(code);

COMMIT;
