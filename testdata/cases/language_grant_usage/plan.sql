-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter language mypl
-- hazard security: Revokes privileges (REVOKE USAGE ON LANGUAGE mypl FROM PUBLIC): roles or applications relying on them lose that access.
REVOKE USAGE ON LANGUAGE mypl FROM PUBLIC;

-- step 2: alter language mypl
-- hazard security: Revokes privileges (REVOKE USAGE ON LANGUAGE mypl FROM lang_user): roles or applications relying on them lose that access.
REVOKE USAGE ON LANGUAGE mypl FROM lang_user;

-- step 3: alter language mypl
GRANT USAGE ON LANGUAGE mypl TO lang_admin WITH GRANT OPTION;

COMMIT;
