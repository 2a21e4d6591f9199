-- The owner (the role applying the files, postgres here) revokes some of
-- its own privileges on every kind with an ACL: some as a plain REVOKE,
-- some the way pg_dump writes them (REVOKE ALL from the owner, then GRANT
-- back what it keeps), one with CASCADE. A new table is created with its
-- owner's revokes.
CREATE SCHEMA app;
REVOKE CREATE ON SCHEMA app FROM postgres;
CREATE TYPE app.mood AS ENUM ('ok', 'bad');
REVOKE USAGE ON TYPE app.mood FROM postgres;
CREATE DOMAIN app.pos AS integer CHECK (VALUE > 0);
REVOKE ALL ON DOMAIN app.pos FROM postgres;
CREATE SEQUENCE app.s;
REVOKE ALL ON SEQUENCE app.s FROM postgres;
GRANT SELECT, USAGE ON SEQUENCE app.s TO postgres;
CREATE TABLE app.t (id integer PRIMARY KEY, m app.mood, p app.pos);
GRANT SELECT, UPDATE ON app.t TO selfrev_reader;
REVOKE UPDATE, DELETE ON TABLE app.t FROM postgres CASCADE;
CREATE VIEW app.v AS SELECT id FROM app.t;
REVOKE ALL ON TABLE app.v FROM postgres;
GRANT SELECT ON TABLE app.v TO postgres;
CREATE MATERIALIZED VIEW app.mv AS SELECT id FROM app.t;
REVOKE TRUNCATE ON app.mv FROM postgres;
CREATE FUNCTION app.f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
REVOKE EXECUTE ON FUNCTION app.f(integer) FROM postgres;
CREATE PROCEDURE app.p() LANGUAGE sql AS 'SELECT 1';
REVOKE ALL ON PROCEDURE app.p() FROM postgres;
CREATE TABLE app.added (a integer);
REVOKE INSERT ON app.added FROM postgres;
GRANT INSERT ON app.added TO selfrev_reader;
