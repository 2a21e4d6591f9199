-- A new template: the dictionary is dropped and created again. The
-- configuration mapping to it loses those mappings first and gets them
-- back after, so it stays, with the index and column using it.
CREATE TEXT SEARCH DICTIONARY english_nostop (TEMPLATE = simple, StopWords = english);
COMMENT ON TEXT SEARCH DICTIONARY english_nostop IS 'lower-cases, drops stop words';

CREATE TEXT SEARCH CONFIGURATION notes_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION notes_english ALTER MAPPING FOR asciiword, word WITH english_nostop;

CREATE TABLE notes (
    id integer PRIMARY KEY,
    body text NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('public.notes_english'::regconfig, body)) STORED
);
CREATE INDEX notes_body_idx ON notes USING gin (to_tsvector('public.notes_english'::regconfig, body));
