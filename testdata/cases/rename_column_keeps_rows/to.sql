CREATE TABLE users (
    id integer PRIMARY KEY,
    -- renovate:renamed-from mail
    email text NOT NULL,
    -- renovate:renamed-from "Full Name"
    display_name text DEFAULT '',
    -- renovate:renamed-from age
    years integer,
    -- renovate:renamed-from num
    seq_no serial,
    -- constraints keep their names across a column rename
    CONSTRAINT users_mail_key UNIQUE (email),
    CONSTRAINT users_age_check CHECK (years >= 0)
);
CREATE TABLE logins (
    id integer PRIMARY KEY,
    -- renovate:renamed-from user_mail
    user_email text,
    CONSTRAINT logins_user_mail_fkey FOREIGN KEY (user_email) REFERENCES users (email)
);
CREATE INDEX logins_mail ON logins (user_email) WHERE user_email <> 'mail';
