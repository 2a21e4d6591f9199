-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop view public.v_u
DROP VIEW public.v_u;

-- step 2: drop constraint public.u.name_ok
ALTER TABLE public.u DROP CONSTRAINT name_ok;

-- step 3: drop index public.u.u_name_ci
DROP INDEX public.u_name_ci;

-- step 4: drop collation public.ci
DROP COLLATION public.ci;

-- step 5: create collation public.ci
CREATE COLLATION public.ci (provider = icu, locale = 'und-u-ks-level1', deterministic = false);

-- step 6: create constraint public.u.name_ok
-- hazard validation_scan: Adding name_ok scans public.u and fails if an existing row violates it. (public.u: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.u while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.u: <size>)
ALTER TABLE public.u ADD CONSTRAINT name_ok CHECK (name COLLATE public.ci <> 'bad'::text);

-- step 7: create index public.u.u_name_ci
-- hazard index_build: Building index u_name_ci blocks writes to public.u until it finishes. (public.u: <size>)
CREATE INDEX u_name_ci ON public.u USING btree (name COLLATE public.ci);

-- step 8: create view public.v_u
CREATE VIEW public.v_u AS
SELECT u.id FROM public.u WHERE u.name = 'x'::text COLLATE public.ci;

COMMIT;
