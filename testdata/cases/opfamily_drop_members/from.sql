CREATE OPERATOR FAMILY public.int_fam USING btree;
COMMENT ON OPERATOR FAMILY public.int_fam USING btree IS 'integers of both widths';
CREATE OPERATOR CLASS public.int4_fam_ops FOR TYPE integer USING btree FAMILY public.int_fam AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 btint4cmp(integer, integer);
CREATE OPERATOR CLASS public.int8_fam_ops FOR TYPE bigint USING btree FAMILY public.int_fam AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 btint8cmp(bigint, bigint);
-- Cross-type members are loose members of the family: added in place,
-- the classes and the index using one of them stay.
ALTER OPERATOR FAMILY public.int_fam USING btree ADD
    OPERATOR 1 < (integer, bigint),
    OPERATOR 3 = (integer, bigint),
    OPERATOR 5 > (int4, int8),
    FUNCTION 1 (bigint, integer) btint84cmp(bigint, integer),
    FUNCTION 1 btint48cmp(integer, bigint);
CREATE TABLE public.t (a integer, b bigint);
CREATE INDEX t_a_idx ON public.t (a public.int4_fam_ops);
