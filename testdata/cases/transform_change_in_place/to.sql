CREATE FUNCTION public.my_handler() RETURNS language_handler
    LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE TRUSTED LANGUAGE mypl HANDLER public.my_handler;

CREATE TYPE public.mood AS ENUM ('sad', 'happy');
CREATE FUNCTION public.mood_from_sql(internal) RETURNS internal
    LANGUAGE c STRICT IMMUTABLE AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION public.mood_to_sql(internal) RETURNS public.mood
    LANGUAGE c STRICT IMMUTABLE AS '$libdir/plpgsql', 'plpgsql_call_handler';

-- The transform gets a TO SQL function (CREATE OR REPLACE TRANSFORM) and
-- a comment; the routine starts using it (CREATE OR REPLACE FUNCTION).
CREATE OR REPLACE TRANSFORM FOR public.mood LANGUAGE mypl (
    TO SQL WITH FUNCTION public.mood_to_sql(internal),
    FROM SQL WITH FUNCTION public.mood_from_sql(internal)
);
COMMENT ON TRANSFORM FOR public.mood LANGUAGE mypl IS 'both ways now';
CREATE FUNCTION public.cheer(m public.mood) RETURNS public.mood
    LANGUAGE mypl TRANSFORM FOR TYPE public.mood
    AS $$BEGIN RETURN 'happy'; END$$;
