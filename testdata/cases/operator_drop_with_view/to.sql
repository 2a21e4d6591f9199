CREATE FUNCTION public.near(x integer, y integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs(x - y) <= 1';
CREATE FUNCTION public.near2(x integer, y integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs(x - y) <= 2';
CREATE TABLE public.pairs (a integer, b integer);
CREATE VIEW public.close_pairs AS SELECT a, b FROM public.pairs WHERE public.near(a, b);
