-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop column public.users.name
-- hazard deletes_data: Dropping column public.users.name deletes its values. (public.users: <size>)
ALTER TABLE public.users DROP COLUMN name;

COMMIT;
