CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    name text
);

CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    total numeric(12,2) NOT NULL DEFAULT 0 CHECK (total >= 0)
);
CREATE INDEX orders_user_id_idx ON orders (user_id);
