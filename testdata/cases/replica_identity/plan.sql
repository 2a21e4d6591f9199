-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.D
CREATE TABLE public."D" (
    "Key" integer NOT NULL
);

-- step 2: create table public.e
CREATE TABLE public.e (
    id integer NOT NULL,
    CONSTRAINT e_pkey PRIMARY KEY (id)
);

-- step 3: create index public.D.D_key
CREATE UNIQUE INDEX "D_key" ON public."D" USING btree ("Key");

-- step 4: alter table public.D
ALTER TABLE public."D" REPLICA IDENTITY USING INDEX "D_key";

-- step 5: alter table public.e
ALTER TABLE public.e REPLICA IDENTITY USING INDEX e_pkey;

-- step 6: alter table public.a
ALTER TABLE public.a REPLICA IDENTITY USING INDEX a_code;

-- step 7: alter table public.b
ALTER TABLE public.b REPLICA IDENTITY DEFAULT;

-- step 8: alter table public.c
ALTER TABLE public.c REPLICA IDENTITY FULL;

COMMIT;
