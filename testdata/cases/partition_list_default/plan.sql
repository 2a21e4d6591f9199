-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.flags
CREATE TABLE public.flags (
    flag boolean
) PARTITION BY LIST (flag);

-- step 2: create table public.flags_on
CREATE TABLE public.flags_on PARTITION OF public.flags FOR VALUES IN (true);

-- step 3: create table public.levels
CREATE TABLE public.levels (
    lvl integer,
    flag boolean
) PARTITION BY LIST (lvl);

-- step 4: create table public.levels_neg
CREATE TABLE public.levels_neg PARTITION OF public.levels FOR VALUES IN ('-1', '-2');

-- step 5: create table public.levels_pos
CREATE TABLE public.levels_pos PARTITION OF public.levels FOR VALUES IN (1, 2);

-- step 6: create table public.orders_none
CREATE TABLE public.orders_none PARTITION OF public.orders FOR VALUES IN (NULL);

-- step 7: create table public.orders_other
CREATE TABLE public.orders_other PARTITION OF public.orders DEFAULT;

-- step 8: create table public.orders_us
CREATE TABLE public.orders_us PARTITION OF public.orders FOR VALUES IN ('us');

COMMIT;
