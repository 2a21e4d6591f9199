CREATE FUNCTION public.rev_cmp(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS 'SELECT btint4cmp(b, a)';
-- The class's members change (ascending now): PostgreSQL cannot alter a
-- class in place, so it is recreated with the indexes using it.
CREATE OPERATOR CLASS public.custom_int_ops FOR TYPE integer USING btree AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 btint4cmp(integer, integer);
CREATE TABLE public.scores (id integer PRIMARY KEY, points integer);
CREATE INDEX scores_points_custom ON public.scores (points public.custom_int_ops);
CREATE INDEX scores_id_points ON public.scores (id, points public.custom_int_ops DESC);
CREATE INDEX scores_points_plain ON public.scores (points);
