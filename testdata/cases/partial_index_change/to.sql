CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    name text
);
CREATE INDEX users_name_idx ON users (name) WHERE name <> '';
