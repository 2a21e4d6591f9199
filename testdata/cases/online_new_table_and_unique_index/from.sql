CREATE TABLE public.accounts (
	id integer PRIMARY KEY,
	email text
);
