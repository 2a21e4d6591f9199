-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter function public.crypt(text, text)
GRANT EXECUTE ON FUNCTION public.crypt(text, text) TO PUBLIC;

-- step 2: alter function public.digest(text, text)
-- hazard security: Revokes privileges (REVOKE EXECUTE ON FUNCTION public.digest(text, text) FROM PUBLIC): roles or applications relying on them lose that access.
REVOKE EXECUTE ON FUNCTION public.digest(text, text) FROM PUBLIC;

-- step 3: alter function public.digest(text, text)
GRANT EXECUTE ON FUNCTION public.digest(text, text) TO priv_reader;

-- step 4: alter function public.gen_random_uuid()
-- hazard security: Revokes privileges (REVOKE EXECUTE ON FUNCTION public.gen_random_uuid() FROM PUBLIC): roles or applications relying on them lose that access.
REVOKE EXECUTE ON FUNCTION public.gen_random_uuid() FROM PUBLIC;

-- step 5: alter function public.hmac(bytea, bytea, text)
GRANT EXECUTE ON FUNCTION public.hmac(bytea, bytea, text) TO priv_writer WITH GRANT OPTION;

COMMIT;
