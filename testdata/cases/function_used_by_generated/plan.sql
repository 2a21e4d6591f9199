-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop column public.t.b
-- hazard table_rewrite: Generated column public.t.b is recreated around a function it uses; this rewrites the table. (public.t: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t: <size>)
ALTER TABLE public.t DROP COLUMN b;

-- step 2: drop function public.twice(a integer)
DROP FUNCTION public.twice(a integer);

-- step 3: create function public.twice(x integer)
CREATE OR REPLACE FUNCTION public.twice(x integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT x * 2$function$;

-- step 4: create column public.t.b
ALTER TABLE public.t ADD COLUMN b integer GENERATED ALWAYS AS (public.twice(a)) STORED;

-- step 5: alter column public.t.b
COMMENT ON COLUMN public.t.b IS 'twice a';

COMMIT;
