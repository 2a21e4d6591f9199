-- Made the default: recreated (no ALTER CONVERSION changes it).
CREATE DEFAULT CONVERSION public.utf8_latin1 FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1;
-- Another destination: recreated; its comment changes in place.
CREATE CONVERSION public.utf8_win FOR 'UTF8' TO 'WIN1251' FROM utf8_to_win;
COMMENT ON CONVERSION public.utf8_win IS 'new';
