-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create type public.flag
CREATE DOMAIN public.flag AS boolean DEFAULT (NOT false);

-- step 2: create table public.n
CREATE TABLE public.n (
    x boolean DEFAULT (2 BETWEEN 1 AND 3),
    y boolean DEFAULT ('a' LIKE 'b%')
);

-- step 3: create column public.t.b
ALTER TABLE public.t ADD COLUMN b boolean DEFAULT (1 IS NULL);

-- step 4: create column public.t.c
ALTER TABLE public.t ADD COLUMN c boolean DEFAULT (true OR false);

-- step 5: create column public.t.d
ALTER TABLE public.t ADD COLUMN d text DEFAULT ('a' COLLATE "C");

-- step 6: create column public.t.e
ALTER TABLE public.t ADD COLUMN e public.flag;

COMMIT;
