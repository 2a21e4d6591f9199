-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter text_search_dictionary public.english_nostop
ALTER TEXT SEARCH DICTIONARY public.english_nostop (stopwords = 'english');

-- step 2: alter text_search_configuration public.notes_english
ALTER TEXT SEARCH CONFIGURATION public.notes_english ALTER MAPPING FOR asciiword WITH public.english_nostop, simple;

-- step 3: alter text_search_configuration public.notes_english
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR tag WITH simple;

-- step 4: alter text_search_configuration public.notes_english
ALTER TEXT SEARCH CONFIGURATION public.notes_english ALTER MAPPING FOR word WITH public.english_nostop, simple;

-- step 5: alter text_search_configuration public.notes_english
ALTER TEXT SEARCH CONFIGURATION public.notes_english DROP MAPPING FOR email;

-- step 6: alter text_search_configuration public.notes_english
ALTER TEXT SEARCH CONFIGURATION public.notes_english DROP MAPPING FOR url;

-- step 7: alter text_search_configuration public.notes_english
ALTER TEXT SEARCH CONFIGURATION public.notes_english DROP MAPPING FOR url_path;

-- step 8: alter text_search_dictionary public.english_nostop
COMMENT ON TEXT SEARCH DICTIONARY public.english_nostop IS NULL;

-- step 9: alter text_search_configuration public.notes_english
COMMENT ON TEXT SEARCH CONFIGURATION public.notes_english IS 'notes in English';

COMMIT;
