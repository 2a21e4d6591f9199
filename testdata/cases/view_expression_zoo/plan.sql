-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create view public.doc_json
CREATE VIEW public.doc_json AS
SELECT id, body -> 'a' AS a, body ->> 'b' AS b, body #>> '{c,d}' AS cd, body @> '{"x": 1}' AS has_x, tags[1] AS first_tag, array_length(tags, 1) AS ntags, (ROW(id, title))::text AS r, 'public.docs'::regclass AS rel FROM public.docs WHERE body IS NOT NULL AND tags && (ARRAY['a'])::text[];

-- step 2: create view public.doc_latest
CREATE VIEW public.doc_latest AS
SELECT DISTINCT ON (kind) kind, id, title FROM public.docs ORDER BY kind, created DESC LIMIT 10 OFFSET 1;

-- step 3: create view public.doc_numbers
CREATE VIEW public.doc_numbers AS
SELECT id, extract ('year' FROM created) AS yr, date_trunc('month', created) AS month, created AT TIME ZONE 'UTC' AS utc, created + '1 day'::interval AS tomorrow, '2020-01-01'::date AS epoch, - score AS neg, score::int % 7 AS modulo, NULLIF(score, 0) AS nz, GREATEST(score, 1.5) AS g, CASE kind WHEN 'a' THEN 1 WHEN 'b' THEN 2 ELSE 0 END AS k, score BETWEEN 1 AND 10 AS mid, score IS DISTINCT FROM 0 AS nonzero, id IN (1, 2, 3) AS small, id = ANY(ARRAY[4, 5]) AS listed, current_date AS today, localtimestamp AS now_local FROM public.docs;

-- step 4: create view public.doc_series
CREATE VIEW public.doc_series AS
SELECT d.id, g.n, g.ord FROM public.docs d CROSS JOIN LATERAL generate_series(1, 3) WITH ORDINALITY g(n, ord) LEFT JOIN public.docs d2 ON d2.id = (d.id + 1) WHERE NOT EXISTS (SELECT 1 FROM public.docs d3 WHERE d3.id = d.id AND d3.kind IS NULL) EXCEPT ALL SELECT 0, 0, 0;

-- step 5: create view public.doc_stats
CREATE VIEW public.doc_stats AS
SELECT kind, count(*) FILTER (WHERE score > 5) AS high, sum(score) AS total, avg(score) OVER () AS overall, string_agg(title, ', ' ORDER BY title) AS titles, row_number() OVER (PARTITION BY kind ORDER BY created DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS rn FROM public.docs GROUP BY ROLLUP (kind), id, score, created HAVING count(*) > 0;

-- step 6: create view public.doc_strings
CREATE VIEW public.doc_strings AS
SELECT id, SUBSTRING(title FROM 1 FOR 10) AS head, TRIM (BOTH ' ' FROM title) AS trimmed, POSITION('x' IN title) AS pos, OVERLAY(title PLACING 'y' FROM 2 FOR 1) AS over, ((title || ' (') || COALESCE(kind, '?')) || ')' AS label, upper(title) COLLATE "C" AS up, title ILIKE '%a%' AS has_a, title SIMILAR TO '[a-z]+' AS lower_only, 'tab	here' AS esc, format('%s-%s', id, title) AS fmt FROM public.docs;

COMMIT;
