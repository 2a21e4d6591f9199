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
GRANT USAGE ON SCHEMA app TO app_ro;

-- step 2: alter table app.items
GRANT SELECT ON TABLE app.items TO app_ro;

-- step 3: alter table app.items
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE app.items TO app_rw;

COMMIT;
