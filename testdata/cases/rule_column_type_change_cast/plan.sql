-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop rule public.t.r
DROP RULE r ON public.t;

-- step 2: alter column public.t.a
-- hazard table_rewrite: Changing the type of public.t.a rewrites the table under an ACCESS EXCLUSIVE lock. (public.t: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t: <size>)
ALTER TABLE public.t ALTER COLUMN a TYPE bigint USING a::bigint;

-- step 3: create rule public.t.r
CREATE RULE r AS ON INSERT TO public.t DO INSERT INTO public.log (a) VALUES (new.a);

COMMIT;
