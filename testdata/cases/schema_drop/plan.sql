-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop table archive.old_users
-- hazard deletes_data: Dropping table archive.old_users deletes all of its rows. (archive.old_users: <size>)
DROP TABLE archive.old_users;

-- step 2: drop sequence archive.counter
-- hazard deletes_data: Dropping sequence archive.counter loses its current value.
DROP SEQUENCE archive.counter;

-- step 3: drop type archive.kind
DROP TYPE archive.kind;

-- step 4: drop schema archive
DROP SCHEMA archive;

COMMIT;
