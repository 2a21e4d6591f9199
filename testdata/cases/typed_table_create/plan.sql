-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create type app.person
CREATE TYPE app.person AS (
    id integer,
    name text COLLATE "C",
    born date
);

-- step 2: create type app.reading
CREATE TYPE app.reading AS (
    sensor integer,
    at timestamp with time zone,
    value numeric(8,2)
);

-- step 3: create table app.people
CREATE TABLE app.people OF app.person (
    id WITH OPTIONS NOT NULL,
    name WITH OPTIONS DEFAULT 'anonymous' NOT NULL,
    CONSTRAINT born_past CHECK (born < '2100-01-01'),
    CONSTRAINT people_pkey PRIMARY KEY (id)
);

-- step 4: create table app.people_copy
CREATE TABLE app.people_copy OF app.person;

-- step 5: create table app.readings
CREATE TABLE app.readings OF app.reading (
    sensor WITH OPTIONS NOT NULL,
    at WITH OPTIONS NOT NULL,
    CONSTRAINT readings_pkey PRIMARY KEY (sensor, at)
) PARTITION BY RANGE (at);

-- step 6: create table app.readings_2026
CREATE TABLE app.readings_2026 PARTITION OF app.readings FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

-- step 7: alter column app.people.name
ALTER TABLE ONLY app.people ALTER COLUMN name SET STATISTICS 200;

-- step 8: create index app.people.people_name
CREATE INDEX people_name ON app.people USING btree (name);

-- step 9: alter table app.people
COMMENT ON TABLE app.people IS 'typed';

-- step 10: alter column app.people.born
COMMENT ON COLUMN app.people.born IS 'day of birth';

COMMIT;
