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

COMMIT;
