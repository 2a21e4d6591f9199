-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop index public.t2.t2_id
DROP INDEX public.t2_id;

-- step 2: create table public.New T
CREATE TABLE public."New T" (
    id integer NOT NULL,
    u integer,
    CONSTRAINT "New T_pkey" PRIMARY KEY (id) WITH (fillfactor='60'),
    CONSTRAINT u_key UNIQUE (u) WITH (fillfactor='40')
) WITH (fillfactor='60');

-- step 3: create index public.t2.t2_id
-- hazard index_build: Building index t2_id blocks writes to public.t2 until it finishes. (public.t2: <size>)
CREATE INDEX t2_id ON public.t2 USING btree (id) WITH (fillfactor='60');

-- step 4: alter table public.t1
ALTER TABLE public.t1 RESET (autovacuum_enabled);

-- step 5: alter table public.t1
ALTER TABLE public.t1 SET (fillfactor='70', parallel_workers='2', toast.autovacuum_enabled='false');

-- step 6: alter table public.t2
ALTER TABLE public.t2 SET (autovacuum_enabled='true', fillfactor='50');

-- step 7: alter table public.t3
ALTER TABLE public.t3 RESET (autovacuum_vacuum_scale_factor);

COMMIT;
