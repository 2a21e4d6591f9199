CREATE TABLE users (
    id integer PRIMARY KEY,
    mail text NOT NULL UNIQUE,
    "Full Name" text,
    age integer CHECK (age >= 0)
);
