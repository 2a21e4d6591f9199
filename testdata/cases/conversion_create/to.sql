CREATE SCHEMA conv;
-- A conversion through the server's own C function, wrapped in one of
-- the database's, and one through a built-in function directly.
CREATE FUNCTION conv.to_latin1(integer, integer, cstring, internal, integer, boolean) RETURNS integer
    LANGUAGE c STRICT AS '$libdir/utf8_and_iso8859_1', 'utf8_to_iso8859_1';
CREATE CONVERSION conv.utf8_latin1 FOR 'utf-8' TO 'iso8859-1' FROM conv.to_latin1;
COMMENT ON CONVERSION conv.utf8_latin1 IS 'through our own function';
CREATE DEFAULT CONVERSION conv.utf8_win1250 FOR 'UNICODE' TO 'windows-1250' FROM utf8_to_win;
