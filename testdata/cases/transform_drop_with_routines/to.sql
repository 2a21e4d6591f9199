CREATE FUNCTION public.my_handler() RETURNS language_handler
    LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE TRUSTED LANGUAGE mypl HANDLER public.my_handler;

CREATE TYPE public.mood AS ENUM ('sad', 'happy');
CREATE FUNCTION public.mood_from_sql(internal) RETURNS internal
    LANGUAGE c STRICT IMMUTABLE AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION public.mood_to_sql(internal) RETURNS public.mood
    LANGUAGE c STRICT IMMUTABLE AS '$libdir/plpgsql', 'plpgsql_call_handler';

-- The transform goes; the routine stops naming it first (CREATE OR
-- REPLACE FUNCTION), and a second routine using it is dropped before it.
CREATE FUNCTION public.cheer(m public.mood) RETURNS public.mood
    LANGUAGE mypl AS $$BEGIN RETURN 'happy'; END$$;
