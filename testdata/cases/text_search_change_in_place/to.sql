-- Options, mappings and comments change in place: the index and the
-- generated column using the configuration stay.
CREATE TEXT SEARCH DICTIONARY english_nostop (TEMPLATE = snowball, Language = english, StopWords = english);

CREATE TEXT SEARCH CONFIGURATION notes_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION notes_english ALTER MAPPING FOR asciiword, word WITH english_nostop, simple;
ALTER TEXT SEARCH CONFIGURATION notes_english DROP MAPPING FOR email, url, url_path;
ALTER TEXT SEARCH CONFIGURATION notes_english ADD MAPPING FOR tag WITH simple;
COMMENT ON TEXT SEARCH CONFIGURATION notes_english IS 'notes in English';

CREATE TABLE notes (
    id integer PRIMARY KEY,
    body text NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('public.notes_english'::regconfig, body)) STORED
);
CREATE INDEX notes_body_idx ON notes USING gin (to_tsvector('public.notes_english'::regconfig, body));
