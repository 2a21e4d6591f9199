-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create function public.concat_sep(acc text, val text, sep text)
CREATE OR REPLACE FUNCTION public.concat_sep(acc text, val text, sep text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT CASE WHEN acc IS NULL THEN val ELSE acc || sep || val END $function$;

-- step 2: create aggregate public.group_concat(text, text)
CREATE AGGREGATE public.group_concat(text, text) (
    SFUNC = public.concat_sep,
    STYPE = text
);

-- step 3: alter aggregate public.group_concat(text, text)
COMMENT ON AGGREGATE public.group_concat(text, text) IS 'joins with a separator';

-- step 4: create view public.owner_tags
CREATE VIEW public.owner_tags AS
SELECT owner, public.group_concat(tag, ',') AS tags FROM public.items GROUP BY owner;

COMMIT;
