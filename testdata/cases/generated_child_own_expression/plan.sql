-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.p
CREATE TABLE public.p (
    x integer,
    g integer GENERATED ALWAYS AS (x * 2) STORED
);

-- step 2: create table public.c
CREATE TABLE public.c (
    x integer,
    g integer GENERATED ALWAYS AS (x * 5) STORED
) INHERITS (public.p);

-- step 3: create table public.d
CREATE TABLE public.d (
    x integer,
    g integer
) INHERITS (public.p);

COMMIT;
