-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create column public.users.nickname
ALTER TABLE public.users ADD COLUMN nickname text;

-- step 2: alter table public.users
-- hazard security: Revokes privileges (REVOKE SELECT ON TABLE public.users FROM app_ro): roles or applications relying on them lose that access.
REVOKE SELECT ON TABLE public.users FROM app_ro;

-- step 3: alter table public.users
-- hazard security: Revokes privileges (REVOKE SELECT (salary) ON TABLE public.users FROM app_rw): roles or applications relying on them lose that access.
REVOKE SELECT (salary) ON TABLE public.users FROM app_rw;

-- step 4: alter table public.users
GRANT SELECT (id, name, email), REFERENCES (id) ON TABLE public.users TO app_ro;

-- step 5: alter table public.users
GRANT SELECT (nickname), INSERT (name), UPDATE (email) ON TABLE public.users TO app_rw;

COMMIT;
