CREATE OPERATOR FAMILY public.int_fam USING btree;
CREATE OPERATOR CLASS public.int4_fam_ops FOR TYPE integer USING btree FAMILY public.int_fam AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 btint4cmp(integer, integer);
CREATE OPERATOR CLASS public.int8_fam_ops FOR TYPE bigint USING btree FAMILY public.int_fam AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 btint8cmp(bigint, bigint);
-- Loose members leave the family in place (ALTER OPERATOR FAMILY ...
-- DROP); a member whose operator changes is dropped and added again.
ALTER OPERATOR FAMILY public.int_fam USING btree ADD
    OPERATOR 1 < (integer, bigint),
    OPERATOR 3 = (integer, bigint),
    FUNCTION 1 (bigint, integer) btint84cmp(bigint, integer);
ALTER OPERATOR FAMILY public.int_fam USING btree ADD
    OPERATOR 5 >= (integer, bigint);
CREATE TABLE public.t (a integer, b bigint);
CREATE INDEX t_a_idx ON public.t (a public.int4_fam_ops);
