-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter column public.t.qty
ALTER TABLE public.t ALTER COLUMN qty DROP DEFAULT;

-- step 2: alter column public.t.qty
-- hazard cast_may_fail: Changing public.t.qty from text to integer converts every value: text that is not a valid integer makes the conversion fail (its spelling, such as leading zeros or spaces, is not kept) (and the apply with it; nothing is changed). (public.t: <size>)
-- hazard table_rewrite: Changing the type of public.t.qty rewrites the table under an ACCESS EXCLUSIVE lock. (public.t: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t: <size>)
ALTER TABLE public.t ALTER COLUMN qty TYPE integer USING qty::integer;

-- step 3: alter column public.t.qty
ALTER TABLE public.t ALTER COLUMN qty SET DEFAULT 0;

-- step 4: alter column public.t.flag
-- hazard deletes_data: Changing public.t.flag from text to character varying(5) can lose data without an error: trailing spaces beyond 5 characters are dropped silently, and other values longer than that make the conversion fail. (public.t: <size>)
-- hazard table_rewrite: Changing the type of public.t.flag rewrites the table under an ACCESS EXCLUSIVE lock. (public.t: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t: <size>)
ALTER TABLE public.t ALTER COLUMN flag TYPE character varying(5) USING flag::text;

COMMIT;
