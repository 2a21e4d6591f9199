CREATE FUNCTION public.rev_cmp(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS 'SELECT btint4cmp(b, a)';
-- A descending btree class for integers, in the family of its own name
-- (made implicitly).
CREATE OPERATOR CLASS public.rev_int_ops FOR TYPE int4 USING btree AS
    OPERATOR 1 >,
    OPERATOR 2 >=,
    OPERATOR 3 =,
    OPERATOR 4 <=,
    OPERATOR 5 <,
    FUNCTION 1 public.rev_cmp(int4, int4);
COMMENT ON OPERATOR CLASS public.rev_int_ops USING btree IS 'descending integers';
-- A hash class in an explicit family.
CREATE OPERATOR FAMILY public.int_hash USING hash;
COMMENT ON OPERATOR FAMILY public.int_hash USING hash IS 'integer hashing';
CREATE OPERATOR CLASS public.int_hash_ops FOR TYPE integer USING hash FAMILY public.int_hash AS
    OPERATOR 1 = (integer, integer),
    FUNCTION 1 hashint4(integer);
CREATE TABLE public.scores (id integer PRIMARY KEY, points integer);
CREATE INDEX scores_points_rev ON public.scores (points public.rev_int_ops);
CREATE INDEX scores_points_hash ON public.scores USING hash (points public.int_hash_ops);
