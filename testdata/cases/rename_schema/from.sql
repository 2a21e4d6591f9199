CREATE SCHEMA legacy;
CREATE TYPE legacy.kind AS ENUM ('a', 'b');
CREATE SEQUENCE legacy.counter;
CREATE TABLE legacy.accounts (
    id serial PRIMARY KEY,
    kind legacy.kind DEFAULT 'a',
    n bigint DEFAULT nextval('legacy.counter')
);
CREATE INDEX accounts_kind ON legacy.accounts (kind);
CREATE TABLE public.notes (
    id integer PRIMARY KEY,
    account_id integer REFERENCES legacy.accounts (id)
);
