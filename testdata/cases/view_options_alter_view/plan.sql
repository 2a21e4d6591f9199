-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter view public.all_items
ALTER VIEW public.all_items SET (security_barrier='true');

-- step 2: alter view public.mine
ALTER VIEW public.mine RESET (security_barrier);

-- step 3: alter view public.mine
ALTER VIEW public.mine SET (check_option=local);

COMMIT;
