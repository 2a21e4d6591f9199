-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create view reporting.z
CREATE VIEW reporting.z AS
SELECT id, kind, date_trunc('day', at) AS day FROM public.events;

-- step 2: create view public.y
CREATE VIEW public.y AS
SELECT * FROM reporting.z WHERE kind <> 'noise';

-- step 3: create materialized_view reporting.daily
CREATE MATERIALIZED VIEW reporting.daily AS
SELECT day, count(*) AS n FROM public.y GROUP BY day;

-- step 4: create view reporting.x
CREATE VIEW reporting.x AS
SELECT kind, count(*) AS total FROM public.y GROUP BY kind;

-- step 5: create view public.w
CREATE VIEW public.w AS
SELECT kind, total FROM reporting.x WHERE total > 0;

COMMIT;
