-- Owners are managed: the files name each object's owner, and REVOKEs from
-- that role are the owner's own. app.moves changes owner and keeps its
-- owner's revoke (ALTER ... OWNER TO carries it over); app.t's owner
-- revokes one more; app.f's owner revokes EXECUTE; the new table is
-- created for selfrev_b with its revoke. A REVOKE from a role that is not
-- the owner and holds nothing (selfrev_b on app.t) changes nothing.
CREATE SCHEMA app AUTHORIZATION selfrev_a;
REVOKE CREATE ON SCHEMA app FROM selfrev_a;
CREATE TABLE app.t (a integer);
ALTER TABLE app.t OWNER TO selfrev_a;
REVOKE DELETE, UPDATE ON app.t FROM selfrev_a;
REVOKE ALL ON app.t FROM selfrev_b;
CREATE TABLE app.moves (a integer);
ALTER TABLE app.moves OWNER TO selfrev_b;
REVOKE TRUNCATE ON app.moves FROM selfrev_b;
CREATE FUNCTION app.f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
ALTER FUNCTION app.f() OWNER TO selfrev_a;
REVOKE EXECUTE ON FUNCTION app.f() FROM selfrev_a;
CREATE TABLE app.added (a integer);
ALTER TABLE app.added OWNER TO selfrev_b;
REVOKE SELECT ON app.added FROM selfrev_b;
