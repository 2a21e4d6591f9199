-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop index public.t.t_len
DROP INDEX public.t_len;

-- step 2: alter column public.w.b
-- hazard table_rewrite: Changing the type of public.w.b rewrites the table under an ACCESS EXCLUSIVE lock. (public.w: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.w while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.w: <size>)
ALTER TABLE public.w ALTER COLUMN b TYPE bigint USING b::bigint;

-- step 3: alter index public.t.t_expr
ALTER INDEX public.t_expr ALTER COLUMN 2 SET STATISTICS -1;

-- step 4: alter index public.t.t_expr
ALTER INDEX public.t_expr ALTER COLUMN 1 SET STATISTICS 150;

-- step 5: create index public.t.t_len
-- hazard index_build: Building index t_len blocks writes to public.t until it finishes. (public.t: <size>)
CREATE INDEX t_len ON public.t USING btree (length(b));

-- step 6: alter index public.t.t_len
ALTER INDEX public.t_len ALTER COLUMN 1 SET STATISTICS 300;

-- step 7: create index public.t.t_new
-- hazard index_build: Building index t_new blocks writes to public.t until it finishes. (public.t: <size>)
CREATE INDEX t_new ON public.t USING btree (id, (id + 1));

-- step 8: alter index public.t.t_new
ALTER INDEX public.t_new ALTER COLUMN 2 SET STATISTICS 10;

-- step 9: alter index public.t.t_plain
ALTER INDEX public.t_plain ALTER COLUMN 1 SET STATISTICS 50;

-- step 10: alter index public.w.w_e
ALTER INDEX public.w_e ALTER COLUMN 1 SET STATISTICS 55;

COMMIT;
