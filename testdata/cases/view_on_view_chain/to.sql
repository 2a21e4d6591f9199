CREATE SCHEMA reporting;

CREATE TABLE events (
    id bigint PRIMARY KEY,
    kind text NOT NULL,
    at timestamptz NOT NULL
);

-- A chain across schemas, named so that alphabetical order is the reverse
-- of dependency order: the plan must create them bottom up.
CREATE VIEW reporting.z AS SELECT id, kind, date_trunc('day', at) AS day FROM events;
CREATE VIEW y AS SELECT * FROM reporting.z WHERE kind <> 'noise';
CREATE VIEW reporting.x AS SELECT kind, count(*) AS total FROM y GROUP BY kind;
CREATE VIEW w AS SELECT kind, total FROM reporting.x WHERE total > 0;
CREATE MATERIALIZED VIEW reporting.daily AS SELECT day, count(*) AS n FROM y GROUP BY day;
