-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop index public.docs.docs_v
DROP INDEX public.docs_v;

-- step 2: drop operator_class public.int4_ops USING my_brin
DROP OPERATOR CLASS public.int4_ops USING my_brin;

-- step 3: drop operator_family public.int4_ops USING my_brin
DROP OPERATOR FAMILY public.int4_ops USING my_brin;

-- step 4: drop access_method my_brin
DROP ACCESS METHOD my_brin;

-- step 5: drop function public.my_brinhandler(internal)
DROP FUNCTION public.my_brinhandler(internal);

-- step 6: alter table public.notes
-- hazard table_rewrite: Changing the access method of public.notes rewrites it under an ACCESS EXCLUSIVE lock (ALTER TABLE ... SET ACCESS METHOD needs PostgreSQL 15 or later). (public.notes: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.notes while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.notes: <size>)
ALTER TABLE public.notes SET ACCESS METHOD heap;

-- step 7: drop access_method my_heap
DROP ACCESS METHOD my_heap;

COMMIT;
