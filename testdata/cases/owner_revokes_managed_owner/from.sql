CREATE SCHEMA app AUTHORIZATION selfrev_a;
CREATE TABLE app.t (a integer);
ALTER TABLE app.t OWNER TO selfrev_a;
REVOKE DELETE ON app.t FROM selfrev_a;
CREATE TABLE app.moves (a integer);
ALTER TABLE app.moves OWNER TO selfrev_a;
REVOKE TRUNCATE ON app.moves FROM selfrev_a;
CREATE FUNCTION app.f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
ALTER FUNCTION app.f() OWNER TO selfrev_a;
