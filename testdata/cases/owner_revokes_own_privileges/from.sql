-- Every kind with an ACL, with the owner holding all its privileges.
CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('ok', 'bad');
CREATE DOMAIN app.pos AS integer CHECK (VALUE > 0);
CREATE SEQUENCE app.s;
CREATE TABLE app.t (id integer PRIMARY KEY, m app.mood, p app.pos);
GRANT SELECT, UPDATE ON app.t TO selfrev_reader;
CREATE VIEW app.v AS SELECT id FROM app.t;
CREATE MATERIALIZED VIEW app.mv AS SELECT id FROM app.t;
CREATE FUNCTION app.f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
CREATE PROCEDURE app.p() LANGUAGE sql AS 'SELECT 1';
