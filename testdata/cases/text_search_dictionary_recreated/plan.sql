-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter text_search_configuration public.notes_english
ALTER TEXT SEARCH CONFIGURATION public.notes_english DROP MAPPING FOR asciiword;

-- step 2: alter text_search_configuration public.notes_english
ALTER TEXT SEARCH CONFIGURATION public.notes_english DROP MAPPING FOR word;

-- step 3: drop text_search_dictionary public.english_nostop
DROP TEXT SEARCH DICTIONARY public.english_nostop;

-- step 4: create text_search_dictionary public.english_nostop
CREATE TEXT SEARCH DICTIONARY public.english_nostop (
    TEMPLATE = simple,
    stopwords = 'english'
);

-- step 5: alter text_search_configuration public.notes_english
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR asciiword WITH public.english_nostop;

-- step 6: alter text_search_configuration public.notes_english
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR word WITH public.english_nostop;

-- step 7: alter text_search_dictionary public.english_nostop
COMMENT ON TEXT SEARCH DICTIONARY public.english_nostop IS 'lower-cases, drops stop words';

COMMIT;
