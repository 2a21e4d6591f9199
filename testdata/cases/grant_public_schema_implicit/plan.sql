-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter schema public
-- hazard security: Revokes privileges (REVOKE USAGE ON SCHEMA public FROM PUBLIC): roles or applications relying on them lose that access.
REVOKE USAGE ON SCHEMA public FROM PUBLIC;

-- step 2: alter schema public
-- hazard security: Revokes privileges (REVOKE CREATE ON SCHEMA public FROM app_rw): roles or applications relying on them lose that access.
REVOKE CREATE ON SCHEMA public FROM app_rw;

-- step 3: alter schema public
GRANT ALL ON SCHEMA public TO app_ro;

COMMIT;
