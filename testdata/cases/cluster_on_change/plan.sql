-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop constraint public.t5.t5_key
ALTER TABLE public.t5 DROP CONSTRAINT t5_key;

-- step 2: drop index public.t3.t3_a
DROP INDEX public.t3_a;

-- step 3: create table public.t4
CREATE TABLE public.t4 (
    id integer NOT NULL,
    CONSTRAINT t4_pkey PRIMARY KEY (id)
);

-- step 4: create constraint public.t5.t5_key
-- hazard index_build: Adding t5_key builds an index on public.t5, blocking writes, and fails on duplicate rows. (public.t5: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t5 while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t5: <size>)
ALTER TABLE public.t5 ADD CONSTRAINT t5_key UNIQUE (id, a);

-- step 5: create index public.t3.t3_a
-- hazard index_build: Building index t3_a blocks writes to public.t3 until it finishes. (public.t3: <size>)
CREATE INDEX t3_a ON public.t3 USING btree (a DESC);

-- step 6: alter table public.t4
ALTER TABLE public.t4 CLUSTER ON t4_pkey;

-- step 7: alter table public.t
ALTER TABLE public.t CLUSTER ON t_b;

-- step 8: alter table public.t2
ALTER TABLE public.t2 SET WITHOUT CLUSTER;

-- step 9: alter table public.t3
ALTER TABLE public.t3 CLUSTER ON t3_a;

-- step 10: alter table public.t5
ALTER TABLE public.t5 CLUSTER ON t5_key;

COMMIT;
