CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    name text,
    UNIQUE (email),
    CONSTRAINT users_name_email_key UNIQUE (name, email)
);
