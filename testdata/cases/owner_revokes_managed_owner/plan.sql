-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table app.added
CREATE TABLE app.added (
    a integer
);

-- step 2: alter table app.added
ALTER TABLE app.added OWNER TO selfrev_b;

-- step 3: alter table app.moves
-- hazard security: Changes the owner of table app.moves from selfrev_a to selfrev_b: selfrev_b gets every privilege on it (and may drop it), selfrev_a loses those it held as owner.
ALTER TABLE app.moves OWNER TO selfrev_b;

-- step 4: alter schema app
-- hazard security: Revokes privileges (REVOKE CREATE ON SCHEMA app FROM selfrev_a): roles or applications relying on them lose that access.
REVOKE CREATE ON SCHEMA app FROM selfrev_a;

-- step 5: alter table app.added
REVOKE SELECT ON TABLE app.added FROM selfrev_b;

-- step 6: alter table app.t
-- hazard security: Revokes privileges (REVOKE UPDATE ON TABLE app.t FROM selfrev_a): roles or applications relying on them lose that access.
REVOKE UPDATE ON TABLE app.t FROM selfrev_a;

-- step 7: alter function app.f()
-- hazard security: Revokes privileges (REVOKE EXECUTE ON FUNCTION app.f() FROM selfrev_a): roles or applications relying on them lose that access.
REVOKE EXECUTE ON FUNCTION app.f() FROM selfrev_a;

COMMIT;
