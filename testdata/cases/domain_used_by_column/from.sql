CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN good_mood AS mood CHECK (VALUE <> 'sad');
CREATE DOMAIN price AS integer CHECK (VALUE >= 0);
CREATE TABLE items (
    id integer PRIMARY KEY,
    price price NOT NULL DEFAULT 0,
    prices price[],
    feeling good_mood DEFAULT 'ok'
);
