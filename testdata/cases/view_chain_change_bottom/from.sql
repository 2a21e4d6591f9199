CREATE TABLE events (
    id bigint PRIMARY KEY,
    kind text NOT NULL,
    at timestamptz NOT NULL
);

CREATE VIEW z AS SELECT id, kind FROM events;
CREATE VIEW y AS SELECT id, kind FROM z WHERE kind <> 'noise';
CREATE VIEW x AS SELECT kind, count(*) AS total FROM y GROUP BY kind;
CREATE VIEW unrelated AS SELECT id FROM events;
