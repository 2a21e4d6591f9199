-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create text_search_dictionary public.english_nostop
CREATE TEXT SEARCH DICTIONARY public.english_nostop (
    TEMPLATE = snowball,
    language = 'english'
);

-- step 2: create text_search_configuration public.notes_english
CREATE TEXT SEARCH CONFIGURATION public.notes_english (PARSER = "default");
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR asciihword WITH english_stem;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR asciiword WITH public.english_nostop;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR email WITH simple;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR file WITH simple;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR "float" WITH simple;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR host WITH simple;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR hword WITH english_stem;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR hword_asciipart WITH english_stem;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR hword_numpart WITH simple;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR hword_part WITH english_stem;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR "int" WITH simple;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR numhword WITH simple;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR numword WITH simple;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR sfloat WITH simple;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR uint WITH simple;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR url WITH simple;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR url_path WITH simple;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR version WITH simple;
ALTER TEXT SEARCH CONFIGURATION public.notes_english ADD MAPPING FOR word WITH public.english_nostop;

-- step 3: create column public.notes.search
-- hazard table_rewrite: Adding stored generated column public.notes.search computes it for every row: the table is rewritten. (public.notes: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.notes while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.notes: <size>)
ALTER TABLE public.notes ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('public.notes_english'::regconfig, body)) STORED;

-- step 4: create index public.notes.notes_body_idx
-- hazard index_build: Building index notes_body_idx blocks writes to public.notes until it finishes. (public.notes: <size>)
CREATE INDEX notes_body_idx ON public.notes USING gin (to_tsvector('public.notes_english'::regconfig, body));

-- step 5: alter text_search_dictionary public.english_nostop
COMMENT ON TEXT SEARCH DICTIONARY public.english_nostop IS 'stems, keeps stop words';

COMMIT;
