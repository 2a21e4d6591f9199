CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE label AS (t text);

CREATE FUNCTION mood_of(i integer) RETURNS mood
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT (enum_range(NULL::mood))[least(greatest(i, 1), 3)] $$;

-- Casts have no ALTER: a new context recreates it.
CREATE CAST (integer AS mood) WITH FUNCTION mood_of(integer) AS IMPLICIT;
COMMENT ON CAST (integer AS mood) IS 'now implicit';
