CREATE FUNCTION public.f() RETURNS int LANGUAGE sql SET search_path = public AS 'SELECT 1';
CREATE FUNCTION public.g() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION public.h() RETURNS int LANGUAGE sql SET work_mem = '4MB' SET search_path = pg_catalog AS 'SELECT 1';
CREATE EXTENSION citext;
CREATE SCHEMA other;
CREATE MATERIALIZED VIEW public.mv AS SELECT 1 AS a;
CREATE INDEX mv_a ON public.mv (a);
COMMENT ON MATERIALIZED VIEW public.mv IS 'mv';
