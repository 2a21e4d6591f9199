-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create schema extra
CREATE SCHEMA extra;

-- step 2: alter default_privilege for role postgres on functions
-- hazard security: Revokes privileges (ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC): roles or applications relying on them lose that access.
ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- step 3: alter default_privilege for role postgres on functions
ALTER DEFAULT PRIVILEGES FOR ROLE postgres GRANT EXECUTE ON FUNCTIONS TO priv_reader;

-- step 4: alter default_privilege for role postgres on schemas
ALTER DEFAULT PRIVILEGES FOR ROLE postgres GRANT USAGE ON SCHEMAS TO priv_reader;

-- step 5: alter default_privilege for role postgres on sequences
ALTER DEFAULT PRIVILEGES FOR ROLE postgres GRANT USAGE ON SEQUENCES TO priv_reader;

-- step 6: alter default_privilege for role postgres on types
-- hazard security: Revokes privileges (ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE USAGE ON TYPES FROM PUBLIC): roles or applications relying on them lose that access.
ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE USAGE ON TYPES FROM PUBLIC;

-- step 7: create type app.d
CREATE DOMAIN app.d AS integer;

-- step 8: create type app.hidden
CREATE TYPE app.hidden AS ENUM (
    'x'
);

-- step 9: create sequence app.s
CREATE SEQUENCE app.s AS bigint;

-- step 10: create function app.closed()
CREATE OR REPLACE FUNCTION app.closed()
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT 2$function$;

-- step 11: create function app.f()
CREATE OR REPLACE FUNCTION app.f()
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT 1$function$;

-- step 12: create procedure app.p()
CREATE OR REPLACE PROCEDURE app.p()
 LANGUAGE sql
AS $procedure$SELECT 1$procedure$;

-- step 13: create table app.kept
CREATE TABLE app.kept (
    id integer
);

-- step 14: create table app.t
CREATE TABLE app.t (
    id integer
);

-- step 15: create view app.v
CREATE VIEW app.v AS
SELECT id FROM app.t;

-- step 16: alter schema app
GRANT USAGE ON SCHEMA app TO priv_reader;

-- step 17: alter type app.d
GRANT USAGE ON TYPE app.d TO PUBLIC;

-- step 18: alter sequence app.s
REVOKE USAGE ON SEQUENCE app.s FROM priv_reader;

-- step 19: alter table app.old
-- hazard security: Revokes privileges (REVOKE SELECT ON TABLE app.old FROM priv_reader): roles or applications relying on them lose that access.
REVOKE SELECT ON TABLE app.old FROM priv_reader;

-- step 20: alter table app.t
REVOKE SELECT ON TABLE app.t FROM priv_reader;

-- step 21: alter view app.v
REVOKE SELECT ON TABLE app.v FROM priv_reader;

-- step 22: alter function app.f()
REVOKE EXECUTE ON FUNCTION app.f() FROM priv_reader;

-- step 23: alter function app.f()
GRANT EXECUTE ON FUNCTION app.f() TO PUBLIC;

-- step 24: alter function app.old_f()
-- hazard security: Revokes privileges (REVOKE EXECUTE ON FUNCTION app.old_f() FROM PUBLIC): roles or applications relying on them lose that access.
REVOKE EXECUTE ON FUNCTION app.old_f() FROM PUBLIC;

-- step 25: alter function app.old_f()
GRANT EXECUTE ON FUNCTION app.old_f() TO priv_reader;

-- step 26: alter procedure app.p()
REVOKE EXECUTE ON PROCEDURE app.p() FROM priv_reader;

COMMIT;
