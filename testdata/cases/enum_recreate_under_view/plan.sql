-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: rename type public.e
-- hazard deletes_data: Enum public.e loses the values 'b': public.t.category are converted to the recreated type through text; a row holding a removed value makes the conversion fail (and the apply with it), so change or delete those rows first.
ALTER TYPE public.e RENAME TO e__renovate_old;

-- step 2: drop view public.v2
DROP VIEW public.v2;

-- step 3: drop view public.v
DROP VIEW public.v;

-- step 4: drop function public.pick(x public.e__renovate_old)
DROP FUNCTION public.pick(x public.e__renovate_old);

-- step 5: create type public.e
CREATE TYPE public.e AS ENUM (
    'c',
    'a'
);

-- step 6: rename type public.de
ALTER TYPE public.de RENAME TO de__renovate_old;

-- step 7: create type public.de
CREATE DOMAIN public.de AS public.e;

-- step 8: create function public.pick(x public.e)
CREATE OR REPLACE FUNCTION public.pick(x public.e)
 RETURNS text
 LANGUAGE sql
AS $function$SELECT x::text$function$;

-- step 9: alter column public.t.category
-- hazard cast_may_fail: Changing public.t.category from public.e__renovate_old to public.e converts every value: values that are not labels of public.e make the conversion fail (and the apply with it; nothing is changed). (public.t: <size>)
-- hazard table_rewrite: Changing the type of public.t.category rewrites the table under an ACCESS EXCLUSIVE lock. (public.t: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t: <size>)
ALTER TABLE public.t ALTER COLUMN category TYPE public.e USING category::text::public.e;

-- step 10: create view public.v
CREATE VIEW public.v AS
SELECT t.id, t.category FROM public.t;

-- step 11: create view public.v2
CREATE VIEW public.v2 AS
SELECT *, 'a'::public.e AS fixed FROM public.t;

-- step 12: drop type public.de__renovate_old
DROP TYPE public.de__renovate_old;

-- step 13: drop type public.e__renovate_old
DROP TYPE public.e__renovate_old;

COMMIT;
