-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create extension citext
CREATE EXTENSION citext;

-- step 2: create table public.accounts
CREATE TABLE public.accounts (
    id integer NOT NULL,
    login public.citext NOT NULL,
    CONSTRAINT accounts_login_key UNIQUE (login),
    CONSTRAINT accounts_pkey PRIMARY KEY (id)
);

COMMIT;
