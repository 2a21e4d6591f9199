CREATE SCHEMA api;
CREATE FUNCTION api.add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$;
CREATE FUNCTION api.add(a numeric, b numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$;
CREATE PROCEDURE api.reset() LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION api.secret() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
REVOKE ALL ON FUNCTION api.secret() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.secret() TO app_ro;
