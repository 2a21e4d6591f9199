-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter sequence public.s
ALTER SEQUENCE public.s AS bigint INCREMENT BY 2 MINVALUE 5 MAXVALUE 9223372036854775807 CACHE 5 CYCLE;

-- step 2: drop sequence public.gone
-- hazard deletes_data: Dropping sequence public.gone loses its current value.
DROP SEQUENCE public.gone;

COMMIT;
