CREATE TABLE users (
    id integer PRIMARY KEY,
    mail text NOT NULL UNIQUE,
    "Full Name" text,
    age integer CHECK (age >= 0),
    num serial
);
CREATE TABLE logins (id integer PRIMARY KEY, user_mail text REFERENCES users (mail));
CREATE INDEX logins_mail ON logins (user_mail) WHERE user_mail <> 'mail';
