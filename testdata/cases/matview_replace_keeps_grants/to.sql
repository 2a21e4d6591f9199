-- The materialized view's query changes, so it is dropped and created
-- again: its comments, grants, indexes (and their comments), CLUSTER ON,
-- and storage parameters come back, and so does the
-- materialized view reading it, with its own.
CREATE TABLE public.t (a integer, b integer);
CREATE MATERIALIZED VIEW public.mv WITH (fillfactor = 70) AS SELECT a, b FROM public.t;
CREATE UNIQUE INDEX mv_a ON public.mv (a);
CREATE INDEX mv_a_expr ON public.mv ((a + 1)) WHERE a > 0;
COMMENT ON MATERIALIZED VIEW public.mv IS 'totals';
COMMENT ON COLUMN public.mv.a IS 'the a';
COMMENT ON INDEX public.mv_a IS 'unique a';
GRANT SELECT ON public.mv TO priv_reader;
GRANT SELECT (a) ON public.mv TO priv_writer;
ALTER MATERIALIZED VIEW public.mv CLUSTER ON mv_a;
CREATE MATERIALIZED VIEW public.mv2 AS SELECT a FROM public.mv;
GRANT SELECT ON public.mv2 TO priv_reader;
COMMENT ON MATERIALIZED VIEW public.mv2 IS 'reads mv';
CREATE INDEX mv2_a ON public.mv2 (a);
