-- Comments change in place: nothing is recreated, the table stays.
CREATE ACCESS METHOD my_heap TYPE TABLE HANDLER heap_tableam_handler;
COMMENT ON ACCESS METHOD my_heap IS 'new';
CREATE CONVERSION public.utf8_win FOR 'UTF8' TO 'WIN1250' FROM utf8_to_win;
COMMENT ON CONVERSION public.utf8_win IS 'added';
CREATE TABLE public.notes (id integer) USING my_heap;
