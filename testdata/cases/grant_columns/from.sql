CREATE TABLE public.users (id bigint PRIMARY KEY, name text, email text, salary numeric);
GRANT SELECT ON public.users TO app_ro;
GRANT UPDATE (name) ON public.users TO app_rw;
GRANT SELECT (id, salary) ON public.users TO app_rw;
