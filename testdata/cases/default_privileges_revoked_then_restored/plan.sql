-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter schema extra
GRANT USAGE ON SCHEMA extra TO priv_reader;

-- step 2: alter type app.d
-- hazard security: Revokes privileges (REVOKE USAGE ON TYPE app.d FROM PUBLIC): roles or applications relying on them lose that access.
REVOKE USAGE ON TYPE app.d FROM PUBLIC;

-- step 3: alter type app.hidden
GRANT USAGE ON TYPE app.hidden TO PUBLIC;

-- step 4: alter sequence app.s
GRANT USAGE ON SEQUENCE app.s TO priv_reader;

-- step 5: alter table app.kept
-- hazard security: Revokes privileges (REVOKE SELECT ON TABLE app.kept FROM priv_reader): roles or applications relying on them lose that access.
REVOKE SELECT ON TABLE app.kept FROM priv_reader;

-- step 6: alter table app.old
GRANT SELECT ON TABLE app.old TO priv_reader;

-- step 7: alter table app.t
GRANT SELECT ON TABLE app.t TO priv_reader;

-- step 8: alter view app.v
GRANT SELECT ON TABLE app.v TO priv_reader;

-- step 9: alter function app.closed()
-- hazard security: Revokes privileges (REVOKE EXECUTE ON FUNCTION app.closed() FROM priv_reader): roles or applications relying on them lose that access.
REVOKE EXECUTE ON FUNCTION app.closed() FROM priv_reader;

-- step 10: alter function app.f()
-- hazard security: Revokes privileges (REVOKE EXECUTE ON FUNCTION app.f() FROM PUBLIC): roles or applications relying on them lose that access.
REVOKE EXECUTE ON FUNCTION app.f() FROM PUBLIC;

-- step 11: alter function app.f()
GRANT EXECUTE ON FUNCTION app.f() TO priv_reader;

-- step 12: alter procedure app.p()
GRANT EXECUTE ON PROCEDURE app.p() TO priv_reader;

COMMIT;
