-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop function public.area(s text)
DROP FUNCTION public.area(s text);

-- step 2: create function public.area(a integer, b integer, c integer)
CREATE OR REPLACE FUNCTION public.area(a integer, b integer, c integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT a * b * c$function$;

-- step 3: create function public.area(w numeric, h numeric)
CREATE OR REPLACE FUNCTION public.area(w numeric, h numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT w * h$function$;

-- step 4: alter function public.area(w integer, h integer)
COMMENT ON FUNCTION public.area(w integer, h integer) IS 'rectangle (integers)';

-- step 5: alter function public.area(w numeric, h numeric)
COMMENT ON FUNCTION public.area(w numeric, h numeric) IS 'rectangle (numeric)';

COMMIT;
