-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.tags
CREATE TABLE public.tags (
    owner integer,
    tag text
) PARTITION BY HASH (owner, lower(tag));

-- step 2: create table public.tags_a
CREATE TABLE public.tags_a PARTITION OF public.tags FOR VALUES WITH (modulus 3, remainder 0);

-- step 3: create table public.tags_b
CREATE TABLE public.tags_b PARTITION OF public.tags FOR VALUES WITH (modulus 3, remainder 1);

-- step 4: create table public.tags_c
CREATE TABLE public.tags_c PARTITION OF public.tags FOR VALUES WITH (modulus 3, remainder 2);

-- step 5: create constraint public.accounts.accounts_pkey
-- hazard index_build: Adding accounts_pkey builds an index on public.accounts, blocking writes, and fails on duplicate rows. (public.accounts: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.accounts while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.accounts: <size>)
ALTER TABLE public.accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);

COMMIT;
