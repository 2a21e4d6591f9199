CREATE FUNCTION public.to_latin1(integer, integer, cstring, internal, integer, boolean) RETURNS integer
    LANGUAGE c STRICT AS '$libdir/utf8_and_iso8859_1', 'utf8_to_iso8859_1';
CREATE CONVERSION public.utf8_latin1 FOR 'UTF8' TO 'LATIN1' FROM public.to_latin1;
CREATE CONVERSION public.utf8_win FOR 'UTF8' TO 'WIN1250' FROM utf8_to_win;
COMMENT ON CONVERSION public.utf8_win IS 'kept';
