-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter type public.code
ALTER DOMAIN public.code SET DEFAULT NULL::varchar;

-- step 2: create type public.plain
CREATE DOMAIN public.plain AS text;

-- step 3: create table public.parent
CREATE TABLE public.parent (
    a text DEFAULT 'p'
);

-- step 4: create table public.child
CREATE TABLE public.child (
    a text
) INHERITS (public.parent);

-- step 5: alter column public.t.a
ALTER TABLE public.t ALTER COLUMN a DROP DEFAULT;

-- step 6: alter column public.t.b
ALTER TABLE public.t ALTER COLUMN b DROP DEFAULT;

-- step 7: alter column public.t.b
ALTER TABLE public.t ALTER COLUMN b SET DEFAULT NULL;

-- step 8: alter column public.t.c
ALTER TABLE public.t ALTER COLUMN c DROP DEFAULT;

-- step 9: alter column public.t.d
ALTER TABLE public.t ALTER COLUMN d DROP DEFAULT;

-- step 10: alter column public.t.d
ALTER TABLE public.t ALTER COLUMN d SET DEFAULT 'x'::varchar;

-- step 11: alter column public.t.e
ALTER TABLE public.t ALTER COLUMN e DROP DEFAULT;

-- step 12: create column public.t.f
ALTER TABLE public.t ADD COLUMN f character varying(10) DEFAULT 'x'::text;

-- step 13: create column public.t.g
ALTER TABLE public.t ADD COLUMN g text DEFAULT 'x'::varchar(3);

-- step 14: create column public.t.h
ALTER TABLE public.t ADD COLUMN h integer DEFAULT '1'::int;

-- step 15: create column public.t.i
ALTER TABLE public.t ADD COLUMN i numeric DEFAULT 1::numeric;

-- step 16: create column public.t.j
ALTER TABLE public.t ADD COLUMN j bigint DEFAULT 1::int;

-- step 17: create column public.t.k
ALTER TABLE public.t ADD COLUMN k character(3) DEFAULT 'x'::text;

-- step 18: create column public.t.l
ALTER TABLE public.t ADD COLUMN l character varying(10) DEFAULT NULL::text;

-- step 19: create column public.t.m
ALTER TABLE public.t ADD COLUMN m character varying(10) DEFAULT NULL;

-- step 20: create column public.t.n
ALTER TABLE public.t ADD COLUMN n public.plain DEFAULT NULL;

-- step 21: create column public.t.o
ALTER TABLE public.t ADD COLUMN o integer[];

-- step 22: create column public.t.p
ALTER TABLE public.t ADD COLUMN p character varying(5)[] DEFAULT NULL;

-- step 23: create column public.t.q
ALTER TABLE public.t ADD COLUMN q interval(3);

-- step 24: create column public.t.r
ALTER TABLE public.t ADD COLUMN r text;

-- step 25: create column public.t.s
ALTER TABLE public.t ADD COLUMN s integer DEFAULT NULL::bigint;

-- step 26: alter column public.child.a
ALTER TABLE public.child ALTER COLUMN a DROP DEFAULT;

COMMIT;
