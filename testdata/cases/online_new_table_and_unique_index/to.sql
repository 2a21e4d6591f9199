CREATE TABLE public.accounts (
	id integer PRIMARY KEY,
	email text
);
CREATE UNIQUE INDEX accounts_email_key ON public.accounts (lower(email));
CREATE TABLE public.sessions (
	id integer PRIMARY KEY,
	account_id integer NOT NULL REFERENCES public.accounts (id),
	token text NOT NULL CHECK (length(token) > 8)
);
CREATE INDEX sessions_account_id_idx ON public.sessions (account_id);
