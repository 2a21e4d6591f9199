CREATE FUNCTION public.near(x integer, y integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs(x - y) <= 1';
CREATE FUNCTION public.near2(x integer, y integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs(x - y) <= 2';
CREATE OPERATOR public.~~~ (FUNCTION = public.near, LEFTARG = integer, RIGHTARG = integer);
CREATE TABLE public.pairs (
    a integer,
    b integer,
    close boolean GENERATED ALWAYS AS (a OPERATOR(public.~~~) b) STORED,
    near_zero boolean DEFAULT (1 OPERATOR(public.~~~) 2),
    CONSTRAINT close_enough CHECK (a OPERATOR(public.~~~) b)
);
CREATE INDEX pairs_near ON public.pairs ((a OPERATOR(public.~~~) 0));
CREATE RULE pairs_ins AS ON INSERT TO public.pairs WHERE new.a OPERATOR(public.~~~) 100 DO INSTEAD NOTHING;
