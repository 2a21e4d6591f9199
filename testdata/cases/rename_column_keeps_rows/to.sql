CREATE TABLE users (
    id integer PRIMARY KEY,
    -- renovate:renamed-from mail
    email text NOT NULL,
    -- renovate:renamed-from "Full Name"
    display_name text DEFAULT '',
    -- renovate:renamed-from age
    years integer,
    -- constraints keep their names across a column rename
    CONSTRAINT users_mail_key UNIQUE (email),
    CONSTRAINT users_age_check CHECK (years >= 0)
);
