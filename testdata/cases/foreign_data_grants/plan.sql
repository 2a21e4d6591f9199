-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop server retyped
DROP SERVER retyped;

-- step 2: create server added
CREATE SERVER added FOREIGN DATA WRAPPER grant_fdw;

-- step 3: create server retyped
CREATE SERVER retyped TYPE 'b' FOREIGN DATA WRAPPER grant_fdw;

-- step 4: alter foreign_data_wrapper grant_fdw
GRANT USAGE ON FOREIGN DATA WRAPPER grant_fdw TO fdw_app WITH GRANT OPTION;

-- step 5: alter server added
GRANT USAGE ON FOREIGN SERVER added TO PUBLIC;

-- step 6: alter server kept
-- hazard security: Revokes privileges (REVOKE USAGE ON FOREIGN SERVER kept FROM fdw_reader): roles or applications relying on them lose that access.
REVOKE USAGE ON FOREIGN SERVER kept FROM fdw_reader;

-- step 7: alter server kept
GRANT USAGE ON FOREIGN SERVER kept TO fdw_app;

-- step 8: alter server retyped
GRANT USAGE ON FOREIGN SERVER retyped TO fdw_reader;

COMMIT;
