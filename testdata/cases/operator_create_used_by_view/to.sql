CREATE FUNCTION public.near(x integer, y integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs(x - y) <= 1';
CREATE FUNCTION public.far(x integer, y integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs(x - y) > 1';
CREATE OPERATOR public.~~~ (
    FUNCTION = public.near,
    LEFTARG = integer,
    RIGHTARG = integer,
    COMMUTATOR = ~~~,
    NEGATOR = !~~~,
    RESTRICT = eqsel,
    JOIN = eqjoinsel
);
CREATE OPERATOR public.!~~~ (FUNCTION = public.far, LEFTARG = integer, RIGHTARG = integer, COMMUTATOR = !~~~, NEGATOR = ~~~);
CREATE OPERATOR public.@@@ (FUNCTION = numeric_uminus, RIGHTARG = numeric);
COMMENT ON OPERATOR public.~~~ (integer, integer) IS 'within one';
CREATE TABLE public.pairs (a integer, b integer, CONSTRAINT close_enough CHECK (a OPERATOR(public.~~~) b));
CREATE VIEW public.close_pairs AS SELECT a, b FROM public.pairs WHERE a OPERATOR(public.~~~) b;
