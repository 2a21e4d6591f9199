CREATE TABLE docs (
    id integer PRIMARY KEY,
    body jsonb,
    tags text[],
    created date,
    title varchar(200)
);
