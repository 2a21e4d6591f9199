-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: rename schema core
ALTER SCHEMA legacy RENAME TO core;

-- step 2: alter column core.accounts.kind
ALTER TABLE core.accounts ALTER COLUMN kind DROP DEFAULT;

-- step 3: alter column core.accounts.kind
ALTER TABLE core.accounts ALTER COLUMN kind SET DEFAULT 'a';

COMMIT;
