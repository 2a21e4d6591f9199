CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE label AS (t text);

CREATE FUNCTION mood_of(i integer) RETURNS mood
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT (enum_range(NULL::mood))[least(greatest(i, 1), 3)] $$;

CREATE CAST (integer AS mood) WITH FUNCTION mood_of(integer);
CREATE CAST (text AS label) WITH INOUT AS ASSIGNMENT;
