-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create view public.constants
CREATE VIEW public.constants AS
SELECT 1 AS one, 'x' AS x, now() AS at, current_user AS who, ARRAY[1, 2] AS arr;

-- step 2: create view public.heavy
CREATE VIEW public.heavy AS
WITH w AS MATERIALIZED (SELECT id, COALESCE(weight, 0) AS w FROM public.nodes) SELECT id, w, rank() OVER (ORDER BY w DESC) AS r, CASE WHEN w > 10 THEN 'big' ELSE 'small' END AS size, 'red'::public.color AS c, w::int AS wi, EXISTS (SELECT 1 FROM public.nodes c WHERE c.parent = w.id) AS has_children FROM w WHERE id IN (SELECT id FROM public.nodes WHERE name LIKE 'a%') ORDER BY 2 DESC LIMIT 100;

-- step 3: create view public.labels
CREATE VIEW public.labels AS
SELECT x.n, l.label FROM (VALUES (1, 'one'), (2, 'two')) l(n, label) CROSS JOIN LATERAL (SELECT l.n * 2 AS n) x UNION SELECT id, name FROM public.nodes;

-- step 4: create view public.node_depths
CREATE VIEW public.node_depths AS
WITH RECURSIVE node_depths(id, depth) AS (SELECT id, 0 FROM public.nodes WHERE parent IS NULL UNION ALL SELECT n.id, d.depth + 1 FROM public.nodes n JOIN node_depths d ON n.parent = d.id) SELECT id, depth FROM node_depths;

COMMIT;
