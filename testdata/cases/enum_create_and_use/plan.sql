-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create type public.user_status
CREATE TYPE public.user_status AS ENUM (
    'active',
    'suspended',
    'deleted'
);

-- step 2: alter type public.user_status
COMMENT ON TYPE public.user_status IS 'lifecycle';

-- step 3: create column public.users.status
ALTER TABLE public.users ADD COLUMN status public.user_status DEFAULT 'active' NOT NULL;

COMMIT;
