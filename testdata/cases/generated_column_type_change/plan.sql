-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter column public.item.total
-- hazard deletes_data: Changing public.item.total from numeric to double precision can lose data without an error: numbers are rounded to the precision of double precision. (public.item: <size>)
-- hazard table_rewrite: Changing the type of public.item.total rewrites the table under an ACCESS EXCLUSIVE lock. (public.item: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.item while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.item: <size>)
ALTER TABLE public.item ALTER COLUMN total TYPE double precision;

COMMIT;
