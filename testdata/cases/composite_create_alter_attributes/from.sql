CREATE TYPE address AS (
    street text,
    city text,
    zip integer
);
CREATE TYPE "Point 2D" AS (x double precision, y double precision);
CREATE TYPE gone AS (a integer);
CREATE TYPE unused AS (a integer, b text);
CREATE TABLE people (id integer PRIMARY KEY, home address);
COMMENT ON TYPE address IS 'postal address';
