-- A small sample database for scripts/demo.sh.
CREATE TYPE user_status AS ENUM ('active', 'suspended');

CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    status user_status NOT NULL DEFAULT 'active',
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE users IS 'People who can sign in';

CREATE TABLE orders (
    id serial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users ON DELETE CASCADE,
    total numeric(12,2) NOT NULL DEFAULT 0 CHECK (total >= 0),
    note varchar(200)
);
CREATE INDEX orders_user_id_idx ON orders (user_id);

-- Reference data: scripts/demo.sh manages its rows with a data block.
CREATE TABLE countries (
    code char(2) PRIMARY KEY,
    name text NOT NULL
);
INSERT INTO countries VALUES ('de', 'Germany'), ('fr', 'France');
