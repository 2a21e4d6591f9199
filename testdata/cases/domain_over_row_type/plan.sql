-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop table public.old_holder
-- hazard deletes_data: Dropping table public.old_holder deletes all of its rows. (public.old_holder: <size>)
DROP TABLE public.old_holder;

-- step 2: drop type public.old_dt
DROP TYPE public.old_dt;

-- step 3: drop table public.old_t
-- hazard deletes_data: Dropping table public.old_t deletes all of its rows. (public.old_t: <size>)
DROP TABLE public.old_t;

-- step 4: create table public.t
CREATE TABLE public.t (
    a integer,
    b text
);

-- step 5: create type public.dt
CREATE DOMAIN public.dt AS public.t;

-- step 6: create type public.dts
CREATE DOMAIN public.dts AS public.t[];

-- step 7: create type public.pair
CREATE TYPE public.pair AS (
    left_row public.t,
    right_row public.dt
);

-- step 8: create table public.holder
CREATE TABLE public.holder (
    id integer,
    row_value public.dt,
    rows_value public.t[]
);

COMMIT;
