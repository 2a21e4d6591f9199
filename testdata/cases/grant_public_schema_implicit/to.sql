-- The public schema is not declared: its privileges stay as the database
-- has them, except those these statements set (as in pg_dump's output).
CREATE TABLE public.t (id integer);
REVOKE USAGE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON SCHEMA public FROM app_rw;
GRANT USAGE, CREATE ON SCHEMA public TO app_ro;
