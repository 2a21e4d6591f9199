-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop function public.names(min_id integer)
DROP FUNCTION public.names(min_id integer);

-- step 2: create function public.ids()
CREATE OR REPLACE FUNCTION public.ids()
 RETURNS SETOF integer
 LANGUAGE sql
AS $function$SELECT id FROM people$function$;

-- step 3: create function public.names(min_id integer)
CREATE OR REPLACE FUNCTION public.names(min_id integer)
 RETURNS TABLE(id integer, "Name" text, age integer)
 LANGUAGE sql
AS $function$SELECT id, name, age FROM people WHERE id >= min_id$function$;

-- step 4: create column public.people.age
ALTER TABLE public.people ADD COLUMN age integer;

-- step 5: alter function public.all_people()
CREATE OR REPLACE FUNCTION public.all_people()
 RETURNS SETOF public.people
 LANGUAGE sql
 STABLE ROWS 50
AS $function$SELECT * FROM people$function$;

-- step 6: create function public.person_label(p public.people)
CREATE OR REPLACE FUNCTION public.person_label(p public.people)
 RETURNS text
 LANGUAGE sql
AS $function$ SELECT p.name || ' (' || p.id || ')' $function$;

COMMIT;
