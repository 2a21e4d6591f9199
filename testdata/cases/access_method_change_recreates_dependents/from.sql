CREATE FUNCTION public.my_brinhandler(internal) RETURNS index_am_handler LANGUAGE internal AS 'brinhandler';
CREATE ACCESS METHOD my_brin TYPE INDEX HANDLER brinhandler;
CREATE OPERATOR CLASS public.int4_ops DEFAULT FOR TYPE integer USING my_brin AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 brin_minmax_opcinfo(internal), FUNCTION 2 brin_minmax_add_value(internal, internal, internal, internal),
    FUNCTION 3 brin_minmax_consistent(internal, internal, internal), FUNCTION 4 brin_minmax_union(internal, internal, internal);
CREATE TABLE public.docs (id integer PRIMARY KEY, v integer);
CREATE INDEX docs_v ON public.docs USING my_brin (v);
CREATE INDEX docs_id ON public.docs (id, v);
