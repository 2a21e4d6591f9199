CREATE TABLE nodes (
    id integer PRIMARY KEY,
    parent integer REFERENCES nodes,
    name text NOT NULL,
    weight numeric(8,2)
);
CREATE TYPE color AS ENUM ('red', 'green');

CREATE RECURSIVE VIEW node_depths (id, depth) AS
    SELECT id, 0 FROM nodes WHERE parent IS NULL
    UNION ALL
    SELECT n.id, d.depth + 1 FROM nodes n JOIN node_depths d ON n.parent = d.id;

CREATE VIEW heavy AS
WITH w AS MATERIALIZED (SELECT id, coalesce(weight, 0) AS w FROM nodes)
SELECT id, w, rank() OVER (ORDER BY w DESC) AS r,
       CASE WHEN w > 10 THEN 'big' ELSE 'small' END AS size,
       'red'::color AS c,
       w::int AS wi,
       EXISTS (SELECT 1 FROM nodes c WHERE c.parent = w.id) AS has_children
FROM w
WHERE id IN (SELECT id FROM nodes WHERE name LIKE 'a%')
ORDER BY 2 DESC
LIMIT 100;

CREATE VIEW labels AS
SELECT x.n, l.label
FROM (VALUES (1, 'one'), (2, 'two')) AS l(n, label)
CROSS JOIN LATERAL (SELECT l.n * 2 AS n) x
UNION
SELECT id, name FROM nodes;

CREATE VIEW constants AS SELECT 1 AS one, 'x' AS x, now() AS at, current_user AS who, ARRAY[1, 2] AS arr;
