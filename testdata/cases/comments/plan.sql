-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter constraint public.users.users_pkey
COMMENT ON CONSTRAINT users_pkey ON public.users IS 'surrogate key';

-- step 2: alter index public.users.users_name_idx
COMMENT ON INDEX public.users_name_idx IS 'for search';

-- step 3: alter table public.users
COMMENT ON TABLE public.users IS NULL;

-- step 4: alter column public.users.email
COMMENT ON COLUMN public.users.email IS 'Login; unique';

-- step 5: alter column public.users.name
COMMENT ON COLUMN public.users.name IS 'The user''s display name';

COMMIT;
