-- renovate:renamed-from legacy
CREATE SCHEMA core;
CREATE TYPE core.kind AS ENUM ('a', 'b');
CREATE SEQUENCE core.counter;
CREATE TABLE core.accounts (
    id serial PRIMARY KEY,
    kind core.kind DEFAULT 'a',
    n bigint DEFAULT nextval('core.counter')
);
CREATE INDEX accounts_kind ON core.accounts (kind);
CREATE TABLE public.notes (
    id integer PRIMARY KEY,
    account_id integer REFERENCES core.accounts (id)
);
