CREATE FUNCTION public.my_handler() RETURNS language_handler
    LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION public.my_inline(internal) RETURNS void
    LANGUAGE c STRICT AS '$libdir/plpgsql', 'plpgsql_inline_handler';
CREATE FUNCTION public.my_validator(oid) RETURNS void
    LANGUAGE c STRICT AS '$libdir/plpgsql', 'plpgsql_validator';

CREATE TRUSTED LANGUAGE mypl HANDLER public.my_handler INLINE public.my_inline VALIDATOR public.my_validator;
COMMENT ON LANGUAGE mypl IS 'going away';

CREATE FUNCTION public.add_one(x integer) RETURNS integer
    LANGUAGE mypl IMMUTABLE AS $$BEGIN RETURN x + 1; END$$;
CREATE PROCEDURE public.noop()
    LANGUAGE mypl AS $$BEGIN NULL; END$$;
CREATE TABLE public.t (
    id integer PRIMARY KEY,
    n integer DEFAULT public.add_one(1)
);
