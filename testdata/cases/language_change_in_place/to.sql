CREATE FUNCTION public.my_inline(internal) RETURNS void
    LANGUAGE c STRICT AS '$libdir/plpgsql', 'plpgsql_inline_handler';
CREATE FUNCTION public.my_validator(oid) RETURNS void
    LANGUAGE c STRICT AS '$libdir/plpgsql', 'plpgsql_validator';

CREATE FUNCTION public.my_handler2() RETURNS language_handler
    LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';

-- The handler moves to another function (the old one is dropped after),
-- the language becomes trusted and gets an inline handler: CREATE OR
-- REPLACE LANGUAGE, keeping the routine written in it.
CREATE OR REPLACE TRUSTED LANGUAGE mypl HANDLER public.my_handler2 INLINE public.my_inline;
COMMENT ON LANGUAGE mypl IS 'now trusted';

CREATE FUNCTION public.add_one(x integer) RETURNS integer
    LANGUAGE mypl IMMUTABLE AS $$BEGIN RETURN x + 1; END$$;
