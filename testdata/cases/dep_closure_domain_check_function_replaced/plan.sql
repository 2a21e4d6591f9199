-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter type public.one
ALTER DOMAIN public.one DROP DEFAULT;

-- step 2: alter type public.qty
ALTER DOMAIN public.qty DROP CONSTRAINT qty_positive;

-- step 3: drop function public.unit()
DROP FUNCTION public.unit();

-- step 4: drop function public.positive(v integer)
DROP FUNCTION public.positive(v integer);

-- step 5: create function public.positive(x integer)
CREATE OR REPLACE FUNCTION public.positive(x integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT x > 0 $function$;

-- step 6: create function public.unit()
CREATE OR REPLACE FUNCTION public.unit()
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT 1::bigint $function$;

-- step 7: alter type public.one
ALTER DOMAIN public.one SET DEFAULT public.unit();

-- step 8: alter type public.qty
ALTER DOMAIN public.qty ADD CONSTRAINT qty_positive CHECK (public.positive(value));

COMMIT;
