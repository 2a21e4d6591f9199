-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop function public.with_default(a integer, b integer)
DROP FUNCTION public.with_default(a integer, b integer);

-- step 2: drop function public.pair(a integer, OUT x integer, OUT y integer)
DROP FUNCTION public.pair(a integer, OUT x integer, OUT y integer);

-- step 3: drop function public.named(a integer)
DROP FUNCTION public.named(a integer);

-- step 4: drop function public.becomes_setof()
DROP FUNCTION public.becomes_setof();

-- step 5: drop function public.answer()
DROP FUNCTION public.answer();

-- step 6: create function public.answer()
CREATE OR REPLACE FUNCTION public.answer()
 RETURNS bigint
 LANGUAGE sql
AS $function$SELECT 42::bigint$function$;

-- step 7: create function public.becomes_setof()
CREATE OR REPLACE FUNCTION public.becomes_setof()
 RETURNS SETOF integer
 LANGUAGE sql
AS $function$SELECT 1$function$;

-- step 8: create function public.named(b integer)
CREATE OR REPLACE FUNCTION public.named(b integer)
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT b$function$;

-- step 9: create function public.pair(a integer, OUT x integer, OUT z integer)
CREATE OR REPLACE FUNCTION public.pair(a integer, OUT x integer, OUT z integer)
 RETURNS record
 LANGUAGE sql
AS $function$SELECT a, a$function$;

-- step 10: create function public.with_default(a integer, b integer)
CREATE OR REPLACE FUNCTION public.with_default(a integer, b integer)
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT a + b$function$;

-- step 11: alter function public.answer()
COMMENT ON FUNCTION public.answer() IS 'the answer';

-- step 12: alter function public.answer()
REVOKE EXECUTE ON FUNCTION public.answer() FROM PUBLIC;

COMMIT;
