-- used by a column: an attribute dropped, one added (at the end)
CREATE TYPE address AS (
    street text,
    city text,
    country text
);
CREATE TYPE "Point 2D" AS (x double precision, y double precision, "Z" double precision);
-- unused: an attribute's type changes, so ALTER ATTRIBUTE ... TYPE works
CREATE TYPE unused AS (a bigint, b text COLLATE "C");
CREATE TYPE created AS (id integer, tags text[]);
CREATE TABLE people (id integer PRIMARY KEY, home address);
COMMENT ON TYPE address IS 'postal address, international';
COMMENT ON COLUMN address.country IS 'ISO 3166 code';
