CREATE FUNCTION public.my_handler() RETURNS language_handler
    LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION public.my_inline(internal) RETURNS void
    LANGUAGE c STRICT AS '$libdir/plpgsql', 'plpgsql_inline_handler';
CREATE FUNCTION public.my_validator(oid) RETURNS void
    LANGUAGE c STRICT AS '$libdir/plpgsql', 'plpgsql_validator';

CREATE TRUSTED LANGUAGE mypl HANDLER public.my_handler VALIDATOR public.my_validator;
GRANT USAGE ON LANGUAGE mypl TO lang_user;
