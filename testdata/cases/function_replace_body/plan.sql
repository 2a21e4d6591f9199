-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter function public.double_it(x integer)
CREATE OR REPLACE FUNCTION public.double_it(x integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
RETURN x + x;

-- step 2: alter function public.greet(name text)
CREATE OR REPLACE FUNCTION public.greet(name text)
 RETURNS text
 LANGUAGE plpgsql
AS $function$
BEGIN
    RETURN 'Hi there, ' || name || '!';
END
$function$;

-- step 3: alter function public.note(m text)
CREATE OR REPLACE FUNCTION public.note(m text DEFAULT 'empty'::text)
 RETURNS void
 LANGUAGE sql
BEGIN ATOMIC INSERT INTO public.log (msg) VALUES (note.m); END;

-- step 4: alter function public.greet(name text)
COMMENT ON FUNCTION public.greet(name text) IS 'says hi';

COMMIT;
