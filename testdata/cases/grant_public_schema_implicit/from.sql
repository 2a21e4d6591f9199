CREATE TABLE public.t (id integer);
GRANT CREATE ON SCHEMA public TO app_rw;
