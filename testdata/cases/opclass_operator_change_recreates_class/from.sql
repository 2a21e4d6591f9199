CREATE FUNCTION public.rev_cmp(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS 'SELECT btint4cmp(b, a)';
CREATE FUNCTION public.rev_lt(a integer, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS 'SELECT a > b';
CREATE OPERATOR public.<<< (FUNCTION = public.rev_lt, LEFTARG = integer, RIGHTARG = integer);
CREATE OPERATOR CLASS public.rev_ops FOR TYPE integer USING btree AS
    OPERATOR 1 public.<<<, OPERATOR 2 >=, OPERATOR 3 =, OPERATOR 4 <=, OPERATOR 5 <,
    FUNCTION 1 public.rev_cmp(integer, integer);
CREATE TABLE public.scores (id integer PRIMARY KEY, points integer);
CREATE INDEX scores_points_rev ON public.scores (points public.rev_ops);
