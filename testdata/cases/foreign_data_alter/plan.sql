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

-- step 2: drop server gone
DROP SERVER gone;

-- step 3: alter foreign_data_wrapper plain_fdw
ALTER FOREIGN DATA WRAPPER plain_fdw OPTIONS (SET debug 'on', ADD extra 'x');

-- step 4: create server added
CREATE SERVER added FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'other');

-- step 5: create server retyped
CREATE SERVER retyped TYPE 'b' FOREIGN DATA WRAPPER plain_fdw;

-- step 6: alter server src
ALTER SERVER src VERSION '15' OPTIONS (SET host 'db.internal', ADD fetch_size '500', DROP port);

-- step 7: alter user_mapping src.public
ALTER USER MAPPING FOR PUBLIC SERVER src OPTIONS (SET "user" 'writer', ADD password '{{env.SRC_PASSWORD}}');

-- step 8: alter foreign_data_wrapper plain_fdw
COMMENT ON FOREIGN DATA WRAPPER plain_fdw IS 'still no handler';

-- step 9: alter server src
COMMENT ON SERVER src IS NULL;

COMMIT;
