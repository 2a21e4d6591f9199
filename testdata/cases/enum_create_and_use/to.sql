CREATE TYPE user_status AS ENUM ('active', 'suspended', 'deleted');
COMMENT ON TYPE user_status IS 'lifecycle';
CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    name text,
    status user_status NOT NULL DEFAULT 'active'
);
