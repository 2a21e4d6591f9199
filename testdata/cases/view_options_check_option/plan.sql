-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter view public.active_accounts
ALTER VIEW public.active_accounts SET (security_barrier='true', check_option=local);

-- step 2: alter view public.barrier
ALTER VIEW public.barrier RESET (check_option);

-- step 3: alter view public.barrier
ALTER VIEW public.barrier SET (security_barrier='true');

-- step 4: alter view public.secure
ALTER VIEW public.secure RESET (security_barrier);

-- step 5: alter view public.secure
ALTER VIEW public.secure SET (check_option=cascaded);

COMMIT;
