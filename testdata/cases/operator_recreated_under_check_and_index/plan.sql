-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop rule public.pairs.pairs_ins
DROP RULE pairs_ins ON public.pairs;

-- step 2: alter column public.pairs.near_zero
ALTER TABLE public.pairs ALTER COLUMN near_zero DROP DEFAULT;

-- step 3: drop constraint public.pairs.close_enough
ALTER TABLE public.pairs DROP CONSTRAINT close_enough;

-- step 4: drop index public.pairs.pairs_near
DROP INDEX public.pairs_near;

-- step 5: drop column public.pairs.close
-- hazard table_rewrite: Generated column public.pairs.close is recreated around a function it uses; this rewrites the table. (public.pairs: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.pairs while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.pairs: <size>)
ALTER TABLE public.pairs DROP COLUMN close;

-- step 6: drop operator public.~~~(integer, integer)
DROP OPERATOR public.~~~ (integer, integer);

-- step 7: create operator public.~~~(integer, integer)
CREATE OPERATOR public.~~~ (
    FUNCTION = public.near2,
    LEFTARG = integer,
    RIGHTARG = integer
);

-- step 8: create column public.pairs.close
ALTER TABLE public.pairs ADD COLUMN close boolean GENERATED ALWAYS AS (a OPERATOR(public.~~~) b) STORED;

-- step 9: alter column public.pairs.near_zero
ALTER TABLE public.pairs ALTER COLUMN near_zero SET DEFAULT 1 OPERATOR(public.~~~) 2;

-- step 10: create constraint public.pairs.close_enough
-- hazard validation_scan: Adding close_enough scans public.pairs and fails if an existing row violates it. (public.pairs: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.pairs while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.pairs: <size>)
ALTER TABLE public.pairs ADD CONSTRAINT close_enough CHECK (a OPERATOR(public.~~~) b);

-- step 11: create index public.pairs.pairs_near
-- hazard index_build: Building index pairs_near blocks writes to public.pairs until it finishes. (public.pairs: <size>)
CREATE INDEX pairs_near ON public.pairs USING btree ((a OPERATOR(public.~~~) 0));

-- step 12: create rule public.pairs.pairs_ins
CREATE RULE pairs_ins AS ON INSERT TO public.pairs WHERE new.a OPERATOR(public.~~~) 100 DO INSTEAD NOTHING;

COMMIT;
