CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    name text,
    CONSTRAINT users_email_check CHECK (email LIKE '%@%')
);
