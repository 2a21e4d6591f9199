-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter sequence public.s1
ALTER SEQUENCE public.s1 OWNED BY NONE;

-- step 2: alter sequence public.s2
ALTER SEQUENCE public.s2 OWNED BY NONE;

-- step 3: alter sequence public.s1
ALTER SEQUENCE public.s1 OWNED BY public.b.id;

-- step 4: drop table public.a
-- hazard deletes_data: Dropping table public.a deletes all of its rows. (public.a: <size>)
DROP TABLE public.a;

COMMIT;
