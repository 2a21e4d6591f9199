-- renovate:renamed-from color
CREATE TYPE colour AS ENUM (
    'red',
    -- renovate:renamed-from 'grean'
    'green',
    'blue'
);
-- renovate:renamed-from shade
CREATE DOMAIN tint AS colour;
-- renovate:renamed-from pair
CREATE TYPE "Pair" AS (a integer, b integer);
CREATE TABLE things (
    id integer PRIMARY KEY,
    c colour NOT NULL DEFAULT 'green',
    s tint,
    p "Pair"
);
