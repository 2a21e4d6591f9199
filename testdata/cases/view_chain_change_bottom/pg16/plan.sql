-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop view public.x
DROP VIEW public.x;

-- step 2: drop view public.y
DROP VIEW public.y;

-- step 3: drop view public.z
DROP VIEW public.z;

-- step 4: create view public.z
CREATE VIEW public.z AS
SELECT id, kind::varchar(20) AS kind, at FROM public.events;

-- step 5: create view public.y
CREATE VIEW public.y AS
SELECT id, kind, at FROM public.z WHERE kind <> 'noise';

-- step 6: create view public.x
CREATE VIEW public.x AS
SELECT kind, count(*) AS total FROM public.y GROUP BY kind;

COMMIT;
