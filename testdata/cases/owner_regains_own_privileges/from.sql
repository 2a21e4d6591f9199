-- The owner (the role applying the files, postgres here) revoked some of
-- its own privileges on every kind with an ACL.
CREATE SCHEMA app;
REVOKE ALL ON SCHEMA app FROM postgres;
CREATE TYPE app.mood AS ENUM ('ok', 'bad');
REVOKE USAGE ON TYPE app.mood FROM postgres;
CREATE DOMAIN app.pos AS integer CHECK (VALUE > 0);
REVOKE USAGE ON DOMAIN app.pos FROM postgres;
CREATE SEQUENCE app.s;
REVOKE UPDATE, USAGE ON SEQUENCE app.s FROM postgres;
CREATE TABLE app.t (id integer PRIMARY KEY, m app.mood, p app.pos);
GRANT SELECT ON app.t TO selfrev_reader;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON TABLE app.t FROM postgres;
CREATE VIEW app.v AS SELECT id FROM app.t;
REVOKE INSERT, UPDATE, DELETE ON TABLE app.v FROM postgres;
CREATE MATERIALIZED VIEW app.mv AS SELECT id FROM app.t;
REVOKE TRUNCATE, REFERENCES ON app.mv FROM postgres;
CREATE FUNCTION app.f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
REVOKE EXECUTE ON FUNCTION app.f(integer) FROM postgres;
CREATE PROCEDURE app.p() LANGUAGE sql AS 'SELECT 1';
REVOKE EXECUTE ON PROCEDURE app.p() FROM postgres;
