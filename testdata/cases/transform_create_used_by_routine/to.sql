CREATE FUNCTION public.my_handler() RETURNS language_handler
    LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE TRUSTED LANGUAGE mypl HANDLER public.my_handler;

CREATE TYPE public.mood AS ENUM ('sad', 'happy');
CREATE FUNCTION public.mood_from_sql(internal) RETURNS internal
    LANGUAGE c STRICT IMMUTABLE AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION public.mood_to_sql(internal) RETURNS public.mood
    LANGUAGE c STRICT IMMUTABLE AS '$libdir/plpgsql', 'plpgsql_call_handler';

CREATE TRANSFORM FOR public.mood LANGUAGE mypl (
    FROM SQL WITH FUNCTION public.mood_from_sql(internal),
    TO SQL WITH FUNCTION public.mood_to_sql(internal)
);
COMMENT ON TRANSFORM FOR public.mood LANGUAGE mypl IS 'mood to and from mypl';
CREATE TYPE public.tone AS ENUM ('low', 'high');
CREATE TRANSFORM FOR public.tone LANGUAGE mypl (FROM SQL WITH FUNCTION public.mood_from_sql(internal));

-- The routine names the transform: created after it.
CREATE FUNCTION public.cheer(m public.mood) RETURNS public.mood
    LANGUAGE mypl TRANSFORM FOR TYPE public.tone, FOR TYPE public.mood
    AS $$BEGIN RETURN 'happy'; END$$;
