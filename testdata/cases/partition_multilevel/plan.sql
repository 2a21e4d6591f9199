-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.sales_eu_2021
CREATE TABLE public.sales_eu_2021 PARTITION OF public.sales_eu FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');

-- step 2: create column public.sales.note
ALTER TABLE public.sales ADD COLUMN note text DEFAULT '';

-- step 3: create table public.sales_us
CREATE TABLE public.sales_us PARTITION OF public.sales FOR VALUES IN ('us') PARTITION BY HASH (sold);

-- step 4: create table public.sales_us_0
CREATE TABLE public.sales_us_0 PARTITION OF public.sales_us FOR VALUES WITH (modulus 2, remainder 0);

-- step 5: create table public.sales_us_1
CREATE TABLE public.sales_us_1 PARTITION OF public.sales_us FOR VALUES WITH (modulus 2, remainder 1);

COMMIT;
