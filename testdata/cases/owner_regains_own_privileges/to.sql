-- The owner regains every privilege on some objects (the files say nothing
-- about it), some privileges on others (pg_dump's form: REVOKE ALL from the
-- owner, GRANT back what it keeps), and revokes another on the table.
CREATE SCHEMA app;
REVOKE ALL ON SCHEMA app FROM postgres;
GRANT USAGE ON SCHEMA app TO postgres;
CREATE TYPE app.mood AS ENUM ('ok', 'bad');
CREATE DOMAIN app.pos AS integer CHECK (VALUE > 0);
CREATE SEQUENCE app.s;
REVOKE USAGE ON SEQUENCE app.s FROM postgres;
CREATE TABLE app.t (id integer PRIMARY KEY, m app.mood, p app.pos);
GRANT SELECT ON app.t TO selfrev_reader;
REVOKE ALL ON TABLE app.t FROM postgres;
GRANT SELECT, INSERT, REFERENCES ON TABLE app.t TO postgres;
CREATE VIEW app.v AS SELECT id FROM app.t;
CREATE MATERIALIZED VIEW app.mv AS SELECT id FROM app.t;
REVOKE REFERENCES ON app.mv FROM postgres;
CREATE FUNCTION app.f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
CREATE PROCEDURE app.p() LANGUAGE sql AS 'SELECT 1';
REVOKE EXECUTE ON PROCEDURE app.p() FROM postgres;
