-- A conversion through a C function of the database's own (the server's
-- conversion code, as an extension would wrap it; conversion functions
-- take a sixth boolean argument since PostgreSQL 14), with a comment,
-- next to a default one through the built-in function.
CREATE SCHEMA enc;

CREATE FUNCTION enc.utf8_to_latin1(integer, integer, cstring, internal, integer, boolean) RETURNS integer
    LANGUAGE c STRICT AS '$libdir/utf8_and_iso8859_1', 'utf8_to_iso8859_1';
CREATE CONVERSION enc.utf8_latin1 FOR 'UTF8' TO 'LATIN1' FROM enc.utf8_to_latin1;
COMMENT ON CONVERSION enc.utf8_latin1 IS 'UTF-8 to Latin-1';
CREATE DEFAULT CONVERSION enc.utf8_latin1_default FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1;
