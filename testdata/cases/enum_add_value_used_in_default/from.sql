CREATE TYPE state AS ENUM ('draft', 'published');
CREATE TABLE posts (
    id integer PRIMARY KEY,
    state state NOT NULL DEFAULT 'draft'
);
