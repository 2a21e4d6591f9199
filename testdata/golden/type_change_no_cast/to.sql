CREATE TABLE public.logins (id integer PRIMARY KEY, at timestamp NOT NULL);
