CREATE TABLE public.users (id bigint PRIMARY KEY, name text, email text, salary numeric, nickname text);
-- app_ro goes from the whole table to some columns: the table-level
-- REVOKE takes column privileges with it, so they are granted after.
GRANT SELECT (id, name, email) ON public.users TO app_ro;
GRANT UPDATE (name, email), INSERT (name) ON public.users TO app_rw;
GRANT SELECT (id, nickname) ON public.users TO app_rw;
GRANT REFERENCES (id) ON public.users TO app_ro;
