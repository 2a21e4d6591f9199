-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop index public.docs.docs_v
DROP INDEX public.docs_v;

-- step 2: drop operator_class public.int4_ops USING my_brin
DROP OPERATOR CLASS public.int4_ops USING my_brin;

-- step 3: drop operator_family public.int4_ops USING my_brin
DROP OPERATOR FAMILY public.int4_ops USING my_brin;

-- step 4: drop access_method my_brin
DROP ACCESS METHOD my_brin;

-- step 5: create access_method my_brin
CREATE ACCESS METHOD my_brin TYPE INDEX HANDLER public.my_brinhandler;

-- step 6: create operator_family public.int4_ops USING my_brin
CREATE OPERATOR FAMILY public.int4_ops USING my_brin;

-- step 7: create operator_class public.int4_ops USING my_brin
CREATE OPERATOR CLASS public.int4_ops DEFAULT FOR TYPE integer USING my_brin FAMILY public.int4_ops AS
    OPERATOR 1 <(integer, integer),
    OPERATOR 2 <=(integer, integer),
    OPERATOR 3 =(integer, integer),
    OPERATOR 4 >=(integer, integer),
    OPERATOR 5 >(integer, integer),
    FUNCTION 1 (integer, integer) brin_minmax_opcinfo(internal),
    FUNCTION 2 (integer, integer) brin_minmax_add_value(internal, internal, internal, internal),
    FUNCTION 3 (integer, integer) brin_minmax_consistent(internal, internal, internal),
    FUNCTION 4 (integer, integer) brin_minmax_union(internal, internal, internal);

-- step 8: create index public.docs.docs_v
-- hazard index_build: Building index docs_v blocks writes to public.docs until it finishes. (public.docs: <size>)
CREATE INDEX docs_v ON public.docs USING my_brin (v);

-- step 9: alter access_method my_brin
COMMENT ON ACCESS METHOD my_brin IS 'now through our handler';

COMMIT;
