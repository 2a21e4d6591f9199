CREATE TABLE docs (
    id integer PRIMARY KEY,
    body jsonb,
    tags text[],
    created date,
    title varchar(200)
);
CREATE INDEX docs_body_idx ON docs USING gin (body jsonb_path_ops);
CREATE INDEX docs_tags_idx ON docs USING gin (tags);
CREATE INDEX docs_created_idx ON docs USING brin (created);
CREATE INDEX docs_title_hash ON docs USING hash (title);
CREATE UNIQUE INDEX docs_title_created_idx ON docs (title DESC NULLS LAST, created) INCLUDE (id);
