CREATE SCHEMA app;
CREATE TYPE app.person AS (id integer, name text COLLATE "C", born date);
CREATE TABLE app.people OF app.person (
    id WITH OPTIONS NOT NULL,
    name WITH OPTIONS DEFAULT 'anonymous' NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT born_past CHECK (born < '2100-01-01')
);
CREATE INDEX people_name ON app.people (name);
COMMENT ON TABLE app.people IS 'typed';
COMMENT ON COLUMN app.people.born IS 'day of birth';
ALTER TABLE app.people ALTER COLUMN name SET STATISTICS 200;
-- A bare typed table, and a partitioned one with a partition.
CREATE TABLE app.people_copy OF app.person;
CREATE TYPE app.reading AS (sensor integer, at timestamptz, value numeric(8,2));
CREATE TABLE app.readings OF app.reading (PRIMARY KEY (sensor, at)) PARTITION BY RANGE (at);
CREATE TABLE app.readings_2026 PARTITION OF app.readings FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
