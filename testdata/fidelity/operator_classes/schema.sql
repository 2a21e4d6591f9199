-- Operator classes and families: a descending btree class made of
-- operators of the database's own (its family made implicitly), a family
-- with two classes and cross-type loose members, a hash class; indexes
-- and an exclusion constraint using them; comments.
CREATE SCHEMA ord;

CREATE FUNCTION ord.rev_cmp(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS 'SELECT btint4cmp(b, a)';
CREATE FUNCTION ord.rev_lt(a integer, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS 'SELECT a > b';
CREATE FUNCTION ord.rev_gt(a integer, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS 'SELECT a < b';
CREATE OPERATOR ord.<<< (FUNCTION = ord.rev_lt, LEFTARG = integer, RIGHTARG = integer, COMMUTATOR = OPERATOR(ord.>>>));
CREATE OPERATOR ord.>>> (FUNCTION = ord.rev_gt, LEFTARG = integer, RIGHTARG = integer, COMMUTATOR = OPERATOR(ord.<<<));

CREATE OPERATOR CLASS ord.rev_ops FOR TYPE integer USING btree AS
    OPERATOR 1 ord.<<<,
    OPERATOR 2 >=,
    OPERATOR 3 =,
    OPERATOR 4 <=,
    OPERATOR 5 ord.>>>,
    FUNCTION 1 ord.rev_cmp(integer, integer);
COMMENT ON OPERATOR CLASS ord.rev_ops USING btree IS 'descending integers';

CREATE OPERATOR FAMILY ord.num_fam USING btree;
COMMENT ON OPERATOR FAMILY ord.num_fam USING btree IS 'integers of both widths';
CREATE OPERATOR CLASS ord.int4_num_ops FOR TYPE integer USING btree FAMILY ord.num_fam AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 btint4cmp(integer, integer);
CREATE OPERATOR CLASS ord.int8_num_ops FOR TYPE bigint USING btree FAMILY ord.num_fam AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 btint8cmp(bigint, bigint);
ALTER OPERATOR FAMILY ord.num_fam USING btree ADD
    OPERATOR 1 < (integer, bigint),
    OPERATOR 3 = (integer, bigint),
    FUNCTION 1 btint48cmp(integer, bigint);

CREATE OPERATOR CLASS public.int_hash_ops FOR TYPE integer USING hash AS
    OPERATOR 1 =,
    FUNCTION 1 hashint4(integer);

CREATE TABLE public.ranking (
    id integer PRIMARY KEY,
    score integer,
    total bigint,
    CONSTRAINT ranking_score_excl EXCLUDE USING btree (score ord.rev_ops WITH =)
);
CREATE INDEX ranking_score_rev ON public.ranking (score ord.rev_ops);
CREATE INDEX ranking_score_hash ON public.ranking USING hash (score public.int_hash_ops);
CREATE INDEX ranking_total_num ON public.ranking (total ord.int8_num_ops, id ord.int4_num_ops DESC);
