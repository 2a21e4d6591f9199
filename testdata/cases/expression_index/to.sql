CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    name text
);
CREATE UNIQUE INDEX users_lower_email_idx ON users (lower(email));
