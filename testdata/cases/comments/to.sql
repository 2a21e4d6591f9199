CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    name text
);
CREATE INDEX users_name_idx ON users (name);
COMMENT ON TABLE users IS NULL;
COMMENT ON COLUMN users.name IS 'The user''s display name';
COMMENT ON COLUMN users.email IS 'Login; unique';
COMMENT ON CONSTRAINT users_pkey ON users IS 'surrogate key';
COMMENT ON INDEX users_name_idx IS 'for search';
