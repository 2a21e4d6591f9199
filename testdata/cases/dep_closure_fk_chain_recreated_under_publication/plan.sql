-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop constraint public.c.c_b_id_fkey
ALTER TABLE public.c DROP CONSTRAINT c_b_id_fkey;

-- step 2: drop table public.b
-- hazard deletes_data: Table public.b is dropped and created again because its partitioning changes (itself or its parent's): all of its rows are deleted. (public.b: <size>)
DROP TABLE public.b;

-- step 3: create table public.b
CREATE TABLE public.b (
    id integer NOT NULL,
    a_id integer,
    CONSTRAINT b_pkey PRIMARY KEY (id)
) PARTITION BY RANGE (id);

-- step 4: create table public.b_1
CREATE TABLE public.b_1 PARTITION OF public.b FOR VALUES FROM (0) TO (1000);

-- step 5: create constraint public.b.b_a_id_fkey
ALTER TABLE public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a(id);

-- step 6: create constraint public.c.c_b_id_fkey
-- hazard validation_scan: Adding c_b_id_fkey scans public.c and fails if an existing row violates it. (public.c: <size>)
ALTER TABLE public.c ADD CONSTRAINT c_b_id_fkey FOREIGN KEY (b_id) REFERENCES public.b(id);

-- step 7: alter publication pub
ALTER PUBLICATION pub ADD TABLE ONLY public.b;

COMMIT;
