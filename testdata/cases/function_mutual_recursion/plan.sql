-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create function public.base_val()
CREATE OR REPLACE FUNCTION public.base_val()
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
RETURN 1;

-- step 2: create function public.count_later()
CREATE OR REPLACE FUNCTION public.count_later()
 RETURNS bigint
 LANGUAGE plpgsql
AS $function$BEGIN RETURN (SELECT count(*) FROM later); END$function$;

-- step 3: create function public.default_n()
CREATE OR REPLACE FUNCTION public.default_n()
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT 2$function$;

-- step 4: create function public.derived_val()
CREATE OR REPLACE FUNCTION public.derived_val()
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
RETURN public.base_val() + 1;

-- step 5: create function public.is_even(n integer)
CREATE OR REPLACE FUNCTION public.is_even(n integer)
 RETURNS boolean
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$
BEGIN
    IF n = 0 THEN RETURN true; END IF;
    RETURN is_odd(n - 1);
END
$function$;

-- step 6: create function public.is_odd(n integer)
CREATE OR REPLACE FUNCTION public.is_odd(n integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$
    SELECT CASE WHEN n = 0 THEN false ELSE is_even(n - 1) END
$function$;

-- step 7: create table public.later
CREATE TABLE public.later (
    x integer
);

-- step 8: create function public.later_count()
CREATE OR REPLACE FUNCTION public.later_count()
 RETURNS bigint
 LANGUAGE sql
BEGIN ATOMIC SELECT count(*) FROM later; END;

-- step 9: alter column public.nums.n
ALTER TABLE public.nums ALTER COLUMN n SET DEFAULT public.default_n();

-- step 10: create constraint public.nums.nums_n_check
-- hazard validation_scan: Adding nums_n_check scans public.nums and fails if an existing row violates it. (public.nums: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.nums while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.nums: <size>)
ALTER TABLE public.nums ADD CONSTRAINT nums_n_check CHECK (public.is_even(n));

COMMIT;
