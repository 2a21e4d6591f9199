CREATE TYPE state AS ENUM ('pending', 'draft', 'published', 'archived');
CREATE TABLE posts (
    id integer PRIMARY KEY,
    state state NOT NULL DEFAULT 'pending',
    CONSTRAINT archived_has_id CHECK (state <> 'archived' OR id > 0)
);
CREATE TABLE archive (
    id integer PRIMARY KEY,
    state state NOT NULL DEFAULT 'archived'
);
