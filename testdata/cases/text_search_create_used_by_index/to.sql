CREATE TEXT SEARCH DICTIONARY english_nostop (TEMPLATE = snowball, Language = english);
COMMENT ON TEXT SEARCH DICTIONARY english_nostop IS 'stems, keeps stop words';

CREATE TEXT SEARCH CONFIGURATION notes_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION notes_english ALTER MAPPING FOR asciiword, word WITH english_nostop;

-- The configuration comes before the generated column and the index
-- using it.
CREATE TABLE notes (
    id integer PRIMARY KEY,
    body text NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('public.notes_english'::regconfig, body)) STORED
);
CREATE INDEX notes_body_idx ON notes USING gin (to_tsvector('public.notes_english'::regconfig, body));
