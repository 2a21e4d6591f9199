-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop procedure public.noop()
DROP PROCEDURE public.noop();

-- step 2: alter column public.t.n
ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;

-- step 3: drop function public.add_one(x integer)
DROP FUNCTION public.add_one(x integer);

-- step 4: drop language mypl
DROP LANGUAGE mypl;

-- step 5: drop function public.my_validator(oid)
DROP FUNCTION public.my_validator(oid);

-- step 6: drop function public.my_inline(internal)
DROP FUNCTION public.my_inline(internal);

-- step 7: drop function public.my_handler()
DROP FUNCTION public.my_handler();

COMMIT;
