-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create schema billing
CREATE SCHEMA billing;

-- step 2: create type billing.currency
CREATE TYPE billing.currency AS ENUM (
    'EUR',
    'USD'
);

-- step 3: create table billing.accounts
CREATE TABLE billing.accounts (
    id integer NOT NULL,
    currency billing.currency DEFAULT 'EUR' NOT NULL,
    CONSTRAINT accounts_pkey PRIMARY KEY (id)
);

-- step 4: create table public.users
CREATE TABLE public.users (
    id integer NOT NULL,
    account_id integer,
    CONSTRAINT users_pkey PRIMARY KEY (id)
);

-- step 5: create constraint public.users.users_account_id_fkey
ALTER TABLE public.users ADD CONSTRAINT users_account_id_fkey FOREIGN KEY (account_id) REFERENCES billing.accounts(id);

-- step 6: alter schema billing
COMMENT ON SCHEMA billing IS 'money';

COMMIT;
