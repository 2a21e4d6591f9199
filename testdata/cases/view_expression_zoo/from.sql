CREATE TABLE docs (
    id integer PRIMARY KEY,
    title text NOT NULL,
    body jsonb,
    tags text[],
    created timestamptz NOT NULL DEFAULT now(),
    score numeric(6,2),
    kind char(1)
);
