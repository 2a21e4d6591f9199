-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create type public.color
CREATE TYPE public.color AS ENUM (
    'red'
);

-- step 2: alter type public.color
REVOKE USAGE ON TYPE public.color FROM PUBLIC;

-- step 3: alter type public.color
GRANT USAGE ON TYPE public.color TO app_rw WITH GRANT OPTION;

-- step 4: alter type public.level
GRANT USAGE ON TYPE public.level TO PUBLIC;

-- step 5: alter type public.mood
-- hazard security: Revokes privileges (REVOKE USAGE ON TYPE public.mood FROM PUBLIC): roles or applications relying on them lose that access.
REVOKE USAGE ON TYPE public.mood FROM PUBLIC;

-- step 6: alter type public.mood
GRANT USAGE ON TYPE public.mood TO app_ro;

COMMIT;
