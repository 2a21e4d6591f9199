-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop view public.owner_tags
DROP VIEW public.owner_tags;

-- step 2: drop aggregate public.group_concat(text, text)
DROP AGGREGATE public.group_concat(text, text);

-- step 3: drop function public.concat_sep(acc text, val text, sep text)
DROP FUNCTION public.concat_sep(acc text, val text, sep text);

-- step 4: create function public.concat_sep(acc text, val text, separator text)
CREATE OR REPLACE FUNCTION public.concat_sep(acc text, val text, separator text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT CASE WHEN acc IS NULL THEN val ELSE acc || separator || val END $function$;

-- step 5: create aggregate public.group_concat(text, text)
CREATE AGGREGATE public.group_concat(text, text) (
    SFUNC = public.concat_sep,
    STYPE = text
);

-- step 6: alter aggregate public.group_concat(text, text)
COMMENT ON AGGREGATE public.group_concat(text, text) IS 'joins with a separator';

-- step 7: create view public.owner_tags
CREATE VIEW public.owner_tags AS
SELECT items.owner, public.group_concat(items.tag, ','::text) AS tags FROM public.items GROUP BY items.owner;

COMMIT;
