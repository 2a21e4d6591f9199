CREATE SCHEMA api;
CREATE FUNCTION api.add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$;
CREATE FUNCTION api.add(a numeric, b numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$;
CREATE PROCEDURE api.reset() LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION api.secret() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
-- A new function whose body changes nothing about its grants.
CREATE FUNCTION api.fresh(t text) RETURNS text LANGUAGE sql AS $$ SELECT t $$;
REVOKE EXECUTE ON FUNCTION api.add(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.add(a integer, b integer) TO app_rw WITH GRANT OPTION;
REVOKE ALL ON PROCEDURE api.reset FROM PUBLIC;
GRANT ALL ON PROCEDURE api.reset() TO app_rw;
-- secret is back to PUBLIC.
GRANT EXECUTE ON FUNCTION api.secret TO PUBLIC;
REVOKE ALL ON FUNCTION api.fresh(text) FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA api TO app_ro;
