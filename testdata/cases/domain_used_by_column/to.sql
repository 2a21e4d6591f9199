-- the enum loses a value: it and the domain over it are recreated
CREATE TYPE mood AS ENUM ('ok', 'happy');
CREATE DOMAIN good_mood AS mood;
-- the base type changes: ALTER DOMAIN cannot, so the domain is recreated
-- and the columns converted
CREATE DOMAIN price AS numeric(12,2) CHECK (VALUE >= 0);
CREATE TABLE items (
    id integer PRIMARY KEY,
    price price NOT NULL DEFAULT 0,
    prices price[],
    feeling good_mood DEFAULT 'ok'
);
