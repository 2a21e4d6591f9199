-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create function api.fresh(t text)
CREATE OR REPLACE FUNCTION api.fresh(t text)
 RETURNS text
 LANGUAGE sql
AS $function$ SELECT t $function$;

-- step 2: alter function api.add(a integer, b integer)
-- hazard security: Revokes privileges (REVOKE EXECUTE ON FUNCTION api.add(a integer, b integer) FROM PUBLIC): roles or applications relying on them lose that access.
REVOKE EXECUTE ON FUNCTION api.add(a integer, b integer) FROM PUBLIC;

-- step 3: alter function api.add(a integer, b integer)
GRANT EXECUTE ON FUNCTION api.add(a integer, b integer) TO app_ro;

-- step 4: alter function api.add(a integer, b integer)
GRANT EXECUTE ON FUNCTION api.add(a integer, b integer) TO app_rw WITH GRANT OPTION;

-- step 5: alter function api.add(a numeric, b numeric)
GRANT EXECUTE ON FUNCTION api.add(a numeric, b numeric) TO app_ro;

-- step 6: alter function api.fresh(t text)
REVOKE EXECUTE ON FUNCTION api.fresh(t text) FROM PUBLIC;

-- step 7: alter function api.fresh(t text)
GRANT EXECUTE ON FUNCTION api.fresh(t text) TO app_ro;

-- step 8: alter procedure api.reset()
-- hazard security: Revokes privileges (REVOKE EXECUTE ON PROCEDURE api.reset() FROM PUBLIC): roles or applications relying on them lose that access.
REVOKE EXECUTE ON PROCEDURE api.reset() FROM PUBLIC;

-- step 9: alter procedure api.reset()
GRANT EXECUTE ON PROCEDURE api.reset() TO app_rw;

-- step 10: alter function api.secret()
GRANT EXECUTE ON FUNCTION api.secret() TO PUBLIC;

COMMIT;
