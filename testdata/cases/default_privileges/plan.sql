-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter default_privilege for role postgres on functions
-- hazard security: Revokes privileges (ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC): roles or applications relying on them lose that access.
ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- step 2: alter default_privilege for role postgres on schemas
-- hazard security: Revokes privileges (ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE USAGE ON SCHEMAS FROM app_ro): roles or applications relying on them lose that access.
ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE USAGE ON SCHEMAS FROM app_ro;

-- step 3: alter default_privilege for role postgres on types
-- hazard security: Revokes privileges (ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE USAGE ON TYPES FROM PUBLIC): roles or applications relying on them lose that access.
ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE USAGE ON TYPES FROM PUBLIC;

-- step 4: alter default_privilege for role postgres on types
ALTER DEFAULT PRIVILEGES FOR ROLE postgres GRANT USAGE ON TYPES TO app_ro;

-- step 5: alter default_privilege for role postgres in schema app on tables
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA app GRANT INSERT ON TABLES TO app_ro;

-- step 6: alter default_privilege for role postgres in schema app on tables
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA app GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLES TO app_rw WITH GRANT OPTION;

-- step 7: alter default_privilege for role postgres in schema old on sequences
-- hazard security: Revokes privileges (ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA old REVOKE USAGE ON SEQUENCES FROM app_rw): roles or applications relying on them lose that access.
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA old REVOKE USAGE ON SEQUENCES FROM app_rw;

-- step 8: create type app.kind
CREATE TYPE app.kind AS ENUM (
    'a'
);

-- step 9: create table app.created
CREATE TABLE app.created (
    id integer
);

-- step 10: alter type app.kind
REVOKE USAGE ON TYPE app.kind FROM app_ro;

-- step 11: alter type app.kind
GRANT USAGE ON TYPE app.kind TO PUBLIC;

-- step 12: alter table app.created
REVOKE INSERT ON TABLE app.created FROM app_ro;

-- step 13: alter table app.created
REVOKE SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE app.created FROM app_rw;

COMMIT;
