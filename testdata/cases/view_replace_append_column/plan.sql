-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter view public.people_names
CREATE OR REPLACE VIEW public.people_names AS
SELECT id, name, upper(name) AS shout, born IS NOT NULL AS has_birthday FROM public.people WHERE name <> '';

COMMIT;
