CREATE TABLE events (
    id bigint PRIMARY KEY,
    kind text NOT NULL,
    at timestamptz NOT NULL
);

-- z's kind changes type (text -> varchar): CREATE OR REPLACE cannot, so z
-- and everything above it is recreated; y's own query changes too.
CREATE VIEW z AS SELECT id, kind::varchar(20) AS kind, at FROM events;
CREATE VIEW y AS SELECT id, kind, at FROM z WHERE kind <> 'noise';
CREATE VIEW x AS SELECT kind, count(*) AS total FROM y GROUP BY kind;
CREATE VIEW unrelated AS SELECT id FROM events;
