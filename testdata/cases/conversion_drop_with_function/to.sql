-- The conversion goes before its function.
CREATE CONVERSION public.utf8_win FOR 'UTF8' TO 'WIN1250' FROM utf8_to_win;
