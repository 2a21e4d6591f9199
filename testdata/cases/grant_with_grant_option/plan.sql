-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter schema app
-- hazard security: Revokes privileges (REVOKE GRANT OPTION FOR USAGE ON SCHEMA app FROM app_rw): roles or applications relying on them lose that access.
REVOKE GRANT OPTION FOR USAGE ON SCHEMA app FROM app_rw;

-- step 2: alter schema app
GRANT CREATE ON SCHEMA app TO app_ro WITH GRANT OPTION;

-- step 3: alter table app.t
-- hazard security: Revokes privileges (REVOKE GRANT OPTION FOR SELECT ON TABLE app.t FROM app_rw): roles or applications relying on them lose that access.
REVOKE GRANT OPTION FOR SELECT ON TABLE app.t FROM app_rw;

-- step 4: alter table app.t
GRANT SELECT ON TABLE app.t TO app_ro;

-- step 5: alter table app.t
GRANT INSERT ON TABLE app.t TO app_ro WITH GRANT OPTION;

COMMIT;
