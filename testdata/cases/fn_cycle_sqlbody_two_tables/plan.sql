-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.limits
CREATE TABLE public.limits (
    id integer NOT NULL,
    max_amount numeric,
    CONSTRAINT limits_pkey PRIMARY KEY (id)
);

-- step 2: create function public.within_limit(a numeric)
CREATE OR REPLACE FUNCTION public.within_limit(a numeric)
 RETURNS boolean
 LANGUAGE sql
 STABLE
BEGIN ATOMIC SELECT a <= COALESCE((SELECT max(max_amount) FROM public.limits), a); END;

-- step 3: create table public.orders
CREATE TABLE public.orders (
    id integer NOT NULL,
    amount numeric NOT NULL,
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);

-- step 4: create function public.largest_order()
CREATE OR REPLACE FUNCTION public.largest_order()
 RETURNS numeric
 LANGUAGE sql
 STABLE
RETURN (SELECT COALESCE(max(amount), 100) FROM public.orders);

-- step 5: alter column public.limits.max_amount
ALTER TABLE public.limits ALTER COLUMN max_amount SET DEFAULT public.largest_order();

-- step 6: create constraint public.orders.orders_within_limit
ALTER TABLE public.orders ADD CONSTRAINT orders_within_limit CHECK (public.within_limit(amount));

COMMIT;
