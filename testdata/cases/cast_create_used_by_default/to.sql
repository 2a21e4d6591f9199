CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

CREATE FUNCTION mood_of(i integer) RETURNS mood
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT (enum_range(NULL::mood))[least(greatest(i, 1), 3)] $$;

CREATE CAST (integer AS mood) WITH FUNCTION mood_of(integer) AS ASSIGNMENT;
COMMENT ON CAST (integer AS mood) IS 'scores to moods';

-- The default relies on the cast, which comes first.
CREATE TABLE people (id integer PRIMARY KEY, feeling mood NOT NULL DEFAULT 2);
