CREATE FUNCTION public.my_handler() RETURNS language_handler
    LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION public.my_inline(internal) RETURNS void
    LANGUAGE c STRICT AS '$libdir/plpgsql', 'plpgsql_inline_handler';
CREATE FUNCTION public.my_validator(oid) RETURNS void
    LANGUAGE c STRICT AS '$libdir/plpgsql', 'plpgsql_validator';

CREATE PROCEDURAL LANGUAGE mypl HANDLER public.my_handler VALIDATOR public.my_validator;
ALTER PROCEDURAL LANGUAGE mypl OWNER TO CURRENT_USER;

CREATE FUNCTION public.add_one(x integer) RETURNS integer
    LANGUAGE mypl IMMUTABLE AS $$BEGIN RETURN x + 1; END$$;
