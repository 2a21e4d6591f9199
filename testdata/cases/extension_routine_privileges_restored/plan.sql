-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter function public.digest(text, text)
GRANT EXECUTE ON FUNCTION public.digest(text, text) TO PUBLIC;

-- step 2: alter function public.digest(text, text)
-- hazard security: Revokes privileges (REVOKE EXECUTE ON FUNCTION public.digest(text, text) FROM priv_reader): roles or applications relying on them lose that access.
REVOKE EXECUTE ON FUNCTION public.digest(text, text) FROM priv_reader;

-- step 3: alter function public.gen_random_uuid()
GRANT EXECUTE ON FUNCTION public.gen_random_uuid() TO PUBLIC;

-- step 4: alter function public.hmac(bytea, bytea, text)
-- hazard security: Revokes privileges (REVOKE EXECUTE ON FUNCTION public.hmac(bytea, bytea, text) FROM priv_writer): roles or applications relying on them lose that access.
REVOKE EXECUTE ON FUNCTION public.hmac(bytea, bytea, text) FROM priv_writer;

COMMIT;
