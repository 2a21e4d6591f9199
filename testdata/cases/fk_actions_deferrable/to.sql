CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    name text
);

CREATE TABLE posts (
    id integer PRIMARY KEY,
    author_id bigint,
    editor_id bigint,
    CONSTRAINT posts_author_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON UPDATE CASCADE ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT posts_editor_fkey FOREIGN KEY (editor_id) REFERENCES users MATCH FULL ON DELETE RESTRICT DEFERRABLE
);
