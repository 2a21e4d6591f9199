-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop index public.notes.notes_body_idx
DROP INDEX public.notes_body_idx;

-- step 2: drop column public.notes.search
-- hazard deletes_data: Dropping column public.notes.search deletes its values. (public.notes: <size>)
ALTER TABLE public.notes DROP COLUMN search;

-- step 3: drop text_search_configuration public.notes_english
DROP TEXT SEARCH CONFIGURATION public.notes_english;

-- step 4: drop text_search_dictionary public.english_nostop
DROP TEXT SEARCH DICTIONARY public.english_nostop;

COMMIT;
