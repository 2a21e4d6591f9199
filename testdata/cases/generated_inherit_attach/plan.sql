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
    g integer GENERATED ALWAYS AS (x * 2) STORED,
    y integer
);

-- step 2: create table public.c
CREATE TABLE public.c (
    x integer,
    g integer,
    y integer,
    z text
) INHERITS (public.p);

-- step 3: create table public.c3
CREATE TABLE public.c3 () INHERITS (public.p);

COMMIT;
