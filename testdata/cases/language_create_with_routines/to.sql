-- A procedural language made outside an extension: plpgsql's own C
-- handlers wrapped by functions of the database's own.
CREATE FUNCTION public.my_handler() RETURNS language_handler
    LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION public.my_inline(internal) RETURNS void
    LANGUAGE c STRICT AS '$libdir/plpgsql', 'plpgsql_inline_handler';
CREATE FUNCTION public.my_validator(oid) RETURNS void
    LANGUAGE c STRICT AS '$libdir/plpgsql', 'plpgsql_validator';

CREATE TRUSTED PROCEDURAL LANGUAGE mypl HANDLER public.my_handler INLINE public.my_inline VALIDATOR public.my_validator;
COMMENT ON LANGUAGE mypl IS 'plpgsql under another name';
REVOKE USAGE ON LANGUAGE mypl FROM PUBLIC;

CREATE FUNCTION public.add_one(x integer) RETURNS integer
    LANGUAGE mypl IMMUTABLE AS $$BEGIN RETURN x + 1; END$$;

CREATE TABLE public.t (
    id integer PRIMARY KEY,
    next_id integer DEFAULT public.add_one(0)
);
