CREATE FUNCTION public.my_handler() RETURNS language_handler
    LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE TRUSTED PROCEDURAL LANGUAGE mypl HANDLER public.my_handler;
ALTER PROCEDURAL LANGUAGE mypl OWNER TO lang_own_a;
GRANT USAGE ON LANGUAGE mypl TO lang_own_b;
