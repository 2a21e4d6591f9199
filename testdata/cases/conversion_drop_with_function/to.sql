-- The conversion goes before its function (conversion functions take a
-- sixth boolean argument since PostgreSQL 14).
CREATE CONVERSION public.utf8_win FOR 'UTF8' TO 'WIN1250' FROM utf8_to_win;
COMMENT ON CONVERSION public.utf8_win IS 'kept';
