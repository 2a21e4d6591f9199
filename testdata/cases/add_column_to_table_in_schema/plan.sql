-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create column app.orgs.plan
ALTER TABLE app.orgs ADD COLUMN plan text DEFAULT 'free';

-- step 2: create constraint app.orgs.orgs_plan_check
-- hazard validation_scan: Adding orgs_plan_check scans app.orgs and fails if an existing row violates it. (app.orgs: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on app.orgs while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (app.orgs: <size>)
ALTER TABLE app.orgs ADD CONSTRAINT orgs_plan_check CHECK (plan IN ('free', 'pro'));

COMMIT;
