-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter column public.t.id
ALTER TABLE public.t ALTER COLUMN id SET MAXVALUE 2147483647;

-- step 2: alter column public.t.id
-- hazard cast_may_fail: Changing public.t.id from bigint to integer converts every value: values outside the range of integer make the conversion fail (and the apply with it; nothing is changed). (public.t: <size>)
-- hazard table_rewrite: Changing the type of public.t.id rewrites the table under an ACCESS EXCLUSIVE lock. (public.t: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t: <size>)
ALTER TABLE public.t ALTER COLUMN id TYPE integer USING id::integer;

COMMIT;
