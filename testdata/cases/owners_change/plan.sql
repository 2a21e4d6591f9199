-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table app.added
CREATE TABLE app.added (
    a integer
);

-- step 2: alter schema app
-- hazard security: Changes the owner of schema app from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER SCHEMA app OWNER TO own_b;

-- step 3: alter table app.added
ALTER TABLE app.added OWNER TO own_b;

-- step 4: alter function app.f(a integer)
-- hazard security: Changes the owner of function app.f(a integer) from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER FUNCTION app.f(a integer) OWNER TO own_b;

-- step 5: alter type app.mood
-- hazard security: Changes the owner of type app.mood from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER TYPE app.mood OWNER TO own_b;

-- step 6: alter materialized_view app.mv
-- hazard security: Changes the owner of materialized_view app.mv from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER MATERIALIZED VIEW app.mv OWNER TO own_b;

-- step 7: alter procedure app.p()
-- hazard security: Changes the owner of procedure app.p() from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER PROCEDURE app.p() OWNER TO own_b;

-- step 8: alter type app.pos
-- hazard security: Changes the owner of type app.pos from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER DOMAIN app.pos OWNER TO own_b;

-- step 9: alter sequence app.s
-- hazard security: Changes the owner of sequence app.s from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER SEQUENCE app.s OWNER TO own_b;

-- step 10: alter table app.t
-- hazard security: Changes the owner of table app.t from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER TABLE app.t OWNER TO own_b;

-- step 11: alter view app.v
-- hazard security: Changes the owner of view app.v from own_a to own_b: own_b gets every privilege on it (and may drop it), own_a loses those it held as owner.
ALTER VIEW app.v OWNER TO own_b;

-- step 12: alter table app.t
GRANT SELECT ON TABLE app.t TO own_a;

COMMIT;
