CREATE TYPE color AS ENUM ('red', 'grean', 'blue');
CREATE DOMAIN shade AS color;
CREATE TYPE pair AS (a integer, b integer);
CREATE TABLE things (
    id integer PRIMARY KEY,
    c color NOT NULL DEFAULT 'grean',
    s shade,
    p pair
);
