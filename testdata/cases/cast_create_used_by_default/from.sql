CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

CREATE FUNCTION mood_of(i integer) RETURNS mood
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT (enum_range(NULL::mood))[least(greatest(i, 1), 3)] $$;
