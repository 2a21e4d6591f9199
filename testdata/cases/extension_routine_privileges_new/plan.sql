-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create schema crypto
CREATE SCHEMA crypto;

-- step 2: create extension pgcrypto
CREATE EXTENSION pgcrypto WITH SCHEMA crypto;

-- step 3: alter function crypto.gen_salt(text)
-- hazard security: Revokes privileges (REVOKE EXECUTE ON FUNCTION crypto.gen_salt(text) FROM PUBLIC): roles or applications relying on them lose that access.
REVOKE EXECUTE ON FUNCTION crypto.gen_salt(text) FROM PUBLIC;

-- step 4: alter function crypto.gen_salt(text)
GRANT EXECUTE ON FUNCTION crypto.gen_salt(text) TO priv_writer;

COMMIT;
