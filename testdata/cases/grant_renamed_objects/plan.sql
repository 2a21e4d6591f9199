-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: rename schema app
ALTER SCHEMA old_app RENAME TO app;

-- step 2: rename table app.persons
ALTER TABLE app.people RENAME TO persons;

-- step 3: rename column app.persons.email
ALTER TABLE app.persons RENAME COLUMN mail TO email;

-- step 4: drop constraint app.persons.people_pkey
ALTER TABLE app.persons DROP CONSTRAINT people_pkey;

-- step 5: create constraint app.persons.persons_pkey
-- hazard index_build: Adding persons_pkey builds an index on app.persons, blocking writes, and fails on duplicate rows.
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on app.persons while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock).
ALTER TABLE app.persons ADD CONSTRAINT persons_pkey PRIMARY KEY (id);

-- step 6: alter schema app
GRANT USAGE ON SCHEMA app TO app_rw;

COMMIT;
