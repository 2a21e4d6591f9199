-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter table public.pairs
ALTER TABLE public.pairs NOT OF;

-- step 2: alter table public.vertices
ALTER TABLE public.vertices NOT OF;

-- step 3: drop table public.old_rows
-- hazard deletes_data: Dropping table public.old_rows deletes all of its rows. (public.old_rows: <size>)
DROP TABLE public.old_rows;

-- step 4: create type public.pair2
CREATE TYPE public.pair2 AS (
    l text,
    r text
);

-- step 5: create column public.points.z
ALTER TABLE public.points ADD COLUMN z integer;

-- step 6: create column public.vertices.w
ALTER TABLE public.vertices ADD COLUMN w integer;

-- step 7: alter table public.pairs
ALTER TABLE public.pairs OF public.pair2;

-- step 8: alter table public.points
ALTER TABLE public.points OF public.point3;

-- step 9: drop type public.pair
DROP TYPE public.pair;

-- step 10: drop type public.old_row
DROP TYPE public.old_row;

COMMIT;
