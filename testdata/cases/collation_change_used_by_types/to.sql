CREATE COLLATION sorted (provider = icu, locale = 'sv');
CREATE DOMAIN name_d AS text COLLATE sorted;
CREATE TYPE person AS (first text COLLATE sorted, last text);
CREATE TYPE name_range AS RANGE (subtype = text, collation = sorted);
CREATE TABLE people (
    id integer PRIMARY KEY,
    n name_d,
    p person,
    r name_range,
    plain text COLLATE sorted
);
CREATE INDEX people_plain ON people (plain);
