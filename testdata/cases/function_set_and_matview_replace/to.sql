CREATE FUNCTION public.f() RETURNS int LANGUAGE sql SET search_path = public, pg_temp SET work_mem = '8MB' AS 'SELECT 1';
CREATE FUNCTION public.g() RETURNS int LANGUAGE sql SET statement_timeout = '5s' AS 'SELECT 1';
CREATE FUNCTION public.h() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE SCHEMA other;
CREATE EXTENSION citext SCHEMA other;
CREATE MATERIALIZED VIEW public.mv AS SELECT 1 AS a, 2 AS b;
CREATE INDEX mv_a ON public.mv (a);
COMMENT ON MATERIALIZED VIEW public.mv IS 'mv';
