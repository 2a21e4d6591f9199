-- Procedural languages and transforms made outside an extension, written
-- as pg_dump writes them: handler functions of the database's own (here
-- wrapping plpgsql's C handlers), a trusted language with grants and a
-- comment, an untrusted one, a transform with both functions and one
-- with only FROM SQL, and routines written in the languages, one naming
-- the transforms in TRANSFORM FOR TYPE, one called by a column default.

CREATE FUNCTION public.lt_handler() RETURNS language_handler
    LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION public.lt_inline(internal) RETURNS void
    LANGUAGE c STRICT
    AS '$libdir/plpgsql', 'plpgsql_inline_handler';
CREATE FUNCTION public.lt_validator(oid) RETURNS void
    LANGUAGE c STRICT
    AS '$libdir/plpgsql', 'plpgsql_validator';

CREATE OR REPLACE TRUSTED PROCEDURAL LANGUAGE ltpl HANDLER public.lt_handler INLINE public.lt_inline VALIDATOR public.lt_validator;
COMMENT ON LANGUAGE ltpl IS 'plpgsql under another name';
REVOKE ALL ON LANGUAGE ltpl FROM PUBLIC;
GRANT ALL ON LANGUAGE ltpl TO lt_user;

CREATE PROCEDURAL LANGUAGE "Lt Untrusted" HANDLER public.lt_handler;
COMMENT ON LANGUAGE "Lt Untrusted" IS 'superusers only';

CREATE TYPE public.lt_mood AS ENUM ('sad', 'happy');
CREATE TYPE public.lt_tone AS ENUM ('low', 'high');
CREATE FUNCTION public.lt_from_sql(internal) RETURNS internal
    LANGUAGE c IMMUTABLE STRICT
    AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION public.lt_mood_to_sql(internal) RETURNS public.lt_mood
    LANGUAGE c IMMUTABLE STRICT
    AS '$libdir/plpgsql', 'plpgsql_call_handler';

CREATE TRANSFORM FOR public.lt_mood LANGUAGE ltpl (FROM SQL WITH FUNCTION public.lt_from_sql(internal), TO SQL WITH FUNCTION public.lt_mood_to_sql(internal));
COMMENT ON TRANSFORM FOR public.lt_mood LANGUAGE ltpl IS 'moods both ways';
CREATE TRANSFORM FOR public.lt_tone LANGUAGE "Lt Untrusted" (FROM SQL WITH FUNCTION public.lt_from_sql(internal));

CREATE FUNCTION public.lt_cheer(m public.lt_mood) RETURNS public.lt_mood
    LANGUAGE ltpl IMMUTABLE
    TRANSFORM FOR TYPE public.lt_mood
    AS $$BEGIN RETURN 'happy'; END$$;
CREATE FUNCTION public.lt_next(x integer) RETURNS integer
    LANGUAGE "Lt Untrusted" IMMUTABLE
    AS $$BEGIN RETURN x + 1; END$$;
CREATE PROCEDURE public.lt_noop()
    LANGUAGE ltpl
    AS $$BEGIN NULL; END$$;

CREATE TABLE public.lt_counter (
    id integer PRIMARY KEY,
    next_id integer DEFAULT public.lt_next(0)
);
