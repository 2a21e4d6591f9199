CREATE TABLE docs (
    id integer PRIMARY KEY,
    title text NOT NULL,
    body jsonb,
    tags text[],
    created timestamptz NOT NULL DEFAULT now(),
    score numeric(6,2),
    kind char(1)
);

CREATE VIEW doc_strings AS
SELECT id,
       substring(title from 1 for 10) AS head,
       trim(both ' ' from title) AS trimmed,
       position('x' in title) AS pos,
       overlay(title placing 'y' from 2 for 1) AS over,
       title || ' (' || coalesce(kind, '?') || ')' AS label,
       upper(title) COLLATE "C" AS up,
       title ILIKE '%a%' AS has_a,
       title SIMILAR TO '[a-z]+' AS lower_only,
       E'tab\there' AS esc,
       format('%s-%s', id, title) AS fmt
FROM docs;

CREATE VIEW doc_numbers AS
SELECT id,
       extract(year FROM created) AS yr,
       date_trunc('month', created) AS month,
       created AT TIME ZONE 'UTC' AS utc,
       created + interval '1 day' AS tomorrow,
       date '2020-01-01' AS epoch,
       -score AS neg,
       score::int % 7 AS modulo,
       nullif(score, 0) AS nz,
       greatest(score, 1.5) AS g,
       CASE kind WHEN 'a' THEN 1 WHEN 'b' THEN 2 ELSE 0 END AS k,
       score BETWEEN 1 AND 10 AS mid,
       score IS DISTINCT FROM 0 AS nonzero,
       id IN (1, 2, 3) AS small,
       id = ANY (ARRAY[4, 5]) AS listed,
       current_date AS today,
       localtimestamp AS now_local
FROM docs;

CREATE VIEW doc_json AS
SELECT id,
       body -> 'a' AS a,
       body ->> 'b' AS b,
       body #>> '{c,d}' AS cd,
       body @> '{"x": 1}' AS has_x,
       tags[1] AS first_tag,
       array_length(tags, 1) AS ntags,
       ROW(id, title)::text AS r,
       'docs'::regclass AS rel
FROM docs
WHERE body IS NOT NULL AND tags && ARRAY['a']::text[];

CREATE VIEW doc_stats AS
SELECT kind,
       count(*) FILTER (WHERE score > 5) AS high,
       sum(score) AS total,
       avg(score) OVER () AS overall,
       string_agg(title, ', ' ORDER BY title) AS titles,
       row_number() OVER (PARTITION BY kind ORDER BY created DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS rn
FROM docs
GROUP BY ROLLUP (kind), id, score, created
HAVING count(*) > 0;

CREATE VIEW doc_latest AS
SELECT DISTINCT ON (kind) kind, id, title
FROM docs
ORDER BY kind, created DESC
LIMIT 10 OFFSET 1;

CREATE VIEW doc_series AS
SELECT d.id, g.n, g.ord
FROM docs d
CROSS JOIN LATERAL generate_series(1, 3) WITH ORDINALITY AS g(n, ord)
LEFT JOIN docs d2 ON d2.id = d.id + 1
WHERE NOT EXISTS (SELECT 1 FROM docs d3 WHERE d3.id = d.id AND d3.kind IS NULL)
EXCEPT ALL
SELECT 0, 0, 0;
