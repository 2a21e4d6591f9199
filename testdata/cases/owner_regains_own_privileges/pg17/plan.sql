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
GRANT USAGE ON SCHEMA app TO postgres;

-- step 2: alter type app.mood
GRANT USAGE ON TYPE app.mood TO postgres;

-- step 3: alter type app.pos
GRANT USAGE ON TYPE app.pos TO postgres;

-- step 4: alter sequence app.s
GRANT UPDATE ON SEQUENCE app.s TO postgres;

-- step 5: alter table app.t
-- hazard security: Revokes privileges (REVOKE TRIGGER, MAINTAIN ON TABLE app.t FROM postgres): roles or applications relying on them lose that access.
REVOKE TRIGGER, MAINTAIN ON TABLE app.t FROM postgres;

-- step 6: alter table app.t
GRANT INSERT ON TABLE app.t TO postgres;

-- step 7: alter materialized_view app.mv
GRANT TRUNCATE ON TABLE app.mv TO postgres;

-- step 8: alter view app.v
GRANT INSERT, UPDATE, DELETE ON TABLE app.v TO postgres;

-- step 9: alter function app.f(a integer)
GRANT EXECUTE ON FUNCTION app.f(a integer) TO postgres;

COMMIT;
