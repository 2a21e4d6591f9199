-- Aggregates, casts, statistics objects and text search objects, and the
-- objects that use them: a view calling a custom aggregate, an index and a
-- generated column using a custom text search configuration, a default
-- relying on a custom cast.

CREATE FUNCTION concat_sep(acc text, val text, sep text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN acc IS NULL THEN val ELSE acc || sep || val END $$;

CREATE AGGREGATE group_concat(text, text) (
    SFUNC = concat_sep,
    STYPE = text
);
COMMENT ON AGGREGATE group_concat(text, text) IS 'joins values with a separator';

CREATE FUNCTION int_add(a bigint, b integer) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT a + b $$;

CREATE AGGREGATE my_sum(integer) (
    sfunc = int_add,
    stype = int8,
    initcond = '0',
    combinefunc = int8pl,
    parallel = safe
);

CREATE AGGREGATE my_count(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = 0);

CREATE AGGREGATE my_max(integer) (SFUNC = int4larger, STYPE = integer, SORTOP = >);

CREATE AGGREGATE my_percentile(double precision ORDER BY double precision) (
    SFUNC = ordered_set_transition,
    STYPE = internal,
    FINALFUNC = percentile_disc_final,
    FINALFUNC_EXTRA
);

CREATE AGGREGATE my_msum(bigint) (
    SFUNC = int8pl,
    STYPE = bigint,
    MSFUNC = int8pl,
    MINVFUNC = int8mi,
    MSTYPE = bigint,
    MINITCOND = '0'
);

CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

CREATE FUNCTION mood_of(i integer) RETURNS mood
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT (enum_range(NULL::mood))[least(greatest(i, 1), 3)] $$;

CREATE CAST (integer AS mood) WITH FUNCTION mood_of(integer) AS ASSIGNMENT;
COMMENT ON CAST (integer AS mood) IS 'scores to moods';

CREATE TYPE label AS (t text);
CREATE CAST (text AS label) WITH INOUT;

CREATE TEXT SEARCH TEMPLATE my_simple_template (INIT = dsimple_init, LEXIZE = dsimple_lexize);

CREATE TEXT SEARCH PARSER my_parser (
    START = prsd_start,
    GETTOKEN = prsd_nexttoken,
    END = prsd_end,
    LEXTYPES = prsd_lextype,
    HEADLINE = prsd_headline
);

CREATE TEXT SEARCH DICTIONARY english_stem_nostop (
    TEMPLATE = snowball,
    Language = english
);

CREATE TEXT SEARCH DICTIONARY my_simple (TEMPLATE = my_simple_template, StopWords = english, Accept = false);
COMMENT ON TEXT SEARCH DICTIONARY my_simple IS 'drops English stop words';

CREATE TEXT SEARCH CONFIGURATION my_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION my_english
    ALTER MAPPING FOR asciiword, word WITH english_stem_nostop;
ALTER TEXT SEARCH CONFIGURATION my_english DROP MAPPING FOR email, url, url_path;

CREATE TEXT SEARCH CONFIGURATION plain (PARSER = my_parser);
ALTER TEXT SEARCH CONFIGURATION plain ADD MAPPING FOR asciiword, word WITH my_simple, simple;
COMMENT ON TEXT SEARCH CONFIGURATION plain IS 'custom parser';

CREATE TABLE documents (
    id integer PRIMARY KEY,
    owner text NOT NULL,
    category text NOT NULL,
    body text NOT NULL,
    score integer NOT NULL DEFAULT 2,
    feeling mood NOT NULL DEFAULT 2,
    search tsvector GENERATED ALWAYS AS (to_tsvector('my_english', body)) STORED
);

CREATE INDEX documents_body_idx ON documents USING gin (to_tsvector('public.plain'::regconfig, body));

CREATE STATISTICS documents_owner_category (dependencies, ndistinct) ON category, owner FROM documents;
CREATE STATISTICS documents_all ON owner, body FROM documents;
ALTER STATISTICS documents_all SET STATISTICS 500;
COMMENT ON STATISTICS documents_all IS 'owners and bodies';

CREATE VIEW owner_categories AS
    SELECT owner, group_concat(category, ', ') AS categories, my_sum(score) AS total, my_count(*) AS n
    FROM documents
    GROUP BY owner;
