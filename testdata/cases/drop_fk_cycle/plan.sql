-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop constraint public.b.b_a_id_fkey
ALTER TABLE public.b DROP CONSTRAINT b_a_id_fkey;

-- step 2: drop constraint public.a.a_b_id_fkey
ALTER TABLE public.a DROP CONSTRAINT a_b_id_fkey;

-- step 3: drop table public.b
-- hazard deletes_data: Dropping table public.b deletes all of its rows. (public.b: <size>)
DROP TABLE public.b;

-- step 4: drop table public.a
-- hazard deletes_data: Dropping table public.a deletes all of its rows. (public.a: <size>)
DROP TABLE public.a;

COMMIT;
