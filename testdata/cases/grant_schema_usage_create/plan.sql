-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create schema staging
CREATE SCHEMA staging;

-- step 2: alter schema app
GRANT USAGE ON SCHEMA app TO app_ro;

-- step 3: alter schema app
GRANT CREATE ON SCHEMA app TO app_rw;

-- step 4: alter schema reporting
-- hazard security: Revokes privileges (REVOKE CREATE ON SCHEMA reporting FROM app_ro): roles or applications relying on them lose that access.
REVOKE CREATE ON SCHEMA reporting FROM app_ro;

-- step 5: alter schema staging
GRANT USAGE ON SCHEMA staging TO PUBLIC;

-- step 6: alter schema staging
GRANT CREATE ON SCHEMA staging TO app_rw;

COMMIT;
