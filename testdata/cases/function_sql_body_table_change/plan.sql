-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop function public.gone_reader()
DROP FUNCTION public.gone_reader();

-- step 2: drop function public.gone_fn(g public.gone)
DROP FUNCTION public.gone_fn(g public.gone);

-- step 3: drop table public.gone
-- hazard deletes_data: Dropping table public.gone deletes all of its rows. (public.gone: <size>)
DROP TABLE public.gone;

-- step 4: drop function public.count_a()
DROP FUNCTION public.count_a();

-- step 5: drop column public.t.b
-- hazard deletes_data: Dropping column public.t.b deletes its values. (public.t: <size>)
ALTER TABLE public.t DROP COLUMN b;

-- step 6: alter column public.t.a
-- hazard table_rewrite: Changing the type of public.t.a rewrites the table under an ACCESS EXCLUSIVE lock. (public.t: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t: <size>)
ALTER TABLE public.t ALTER COLUMN a TYPE bigint USING a::bigint;

-- step 7: create function public.count_a()
CREATE OR REPLACE FUNCTION public.count_a()
 RETURNS bigint
 LANGUAGE sql
BEGIN ATOMIC SELECT count(t.a) AS count FROM public.t; END;

COMMIT;
