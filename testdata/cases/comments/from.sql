CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    name text
);
CREATE INDEX users_name_idx ON users (name);
COMMENT ON COLUMN users.name IS 'old';
COMMENT ON TABLE users IS 'to drop';
