-- bigint to timestamp: PostgreSQL has no cast, so the statement is the
-- user's to write, even on an empty table.
CREATE TABLE public.logins (id integer PRIMARY KEY, at bigint NOT NULL);
