-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop materialized_view public.legacy_count
DROP MATERIALIZED VIEW public.legacy_count;

-- step 2: drop view public.legacy_payloads
DROP VIEW public.legacy_payloads;

-- step 3: drop view public.legacy_and_kept
DROP VIEW public.legacy_and_kept;

-- step 4: drop table public.legacy
-- hazard deletes_data: Dropping table public.legacy deletes all of its rows. (public.legacy: <size>)
DROP TABLE public.legacy;

COMMIT;
