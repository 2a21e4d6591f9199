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
GRANT INSERT ON TABLE app.added TO selfrev_reader;

-- step 3: alter schema app
-- hazard security: Revokes privileges (REVOKE CREATE ON SCHEMA app FROM postgres): roles or applications relying on them lose that access.
REVOKE CREATE ON SCHEMA app FROM postgres;

-- step 4: alter type app.mood
-- hazard security: Revokes privileges (REVOKE USAGE ON TYPE app.mood FROM postgres): roles or applications relying on them lose that access.
REVOKE USAGE ON TYPE app.mood FROM postgres;

-- step 5: alter type app.pos
-- hazard security: Revokes privileges (REVOKE USAGE ON TYPE app.pos FROM postgres): roles or applications relying on them lose that access.
REVOKE USAGE ON TYPE app.pos FROM postgres;

-- step 6: alter sequence app.s
-- hazard security: Revokes privileges (REVOKE UPDATE ON SEQUENCE app.s FROM postgres): roles or applications relying on them lose that access.
REVOKE UPDATE ON SEQUENCE app.s FROM postgres;

-- step 7: alter table app.added
REVOKE INSERT ON TABLE app.added FROM postgres;

-- step 8: alter table app.t
-- hazard security: Revokes privileges (REVOKE UPDATE, DELETE ON TABLE app.t FROM postgres): roles or applications relying on them lose that access.
REVOKE UPDATE, DELETE ON TABLE app.t FROM postgres;

-- step 9: alter materialized_view app.mv
-- hazard security: Revokes privileges (REVOKE TRUNCATE ON TABLE app.mv FROM postgres): roles or applications relying on them lose that access.
REVOKE TRUNCATE ON TABLE app.mv FROM postgres;

-- step 10: alter view app.v
-- hazard security: Revokes privileges (REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, MAINTAIN ON TABLE app.v FROM postgres): roles or applications relying on them lose that access.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, MAINTAIN ON TABLE app.v FROM postgres;

-- step 11: alter function app.f(a integer)
-- hazard security: Revokes privileges (REVOKE EXECUTE ON FUNCTION app.f(a integer) FROM postgres): roles or applications relying on them lose that access.
REVOKE EXECUTE ON FUNCTION app.f(a integer) FROM postgres;

-- step 12: alter procedure app.p()
-- hazard security: Revokes privileges (REVOKE EXECUTE ON PROCEDURE app.p() FROM postgres): roles or applications relying on them lose that access.
REVOKE EXECUTE ON PROCEDURE app.p() FROM postgres;

COMMIT;
