CREATE ACCESS METHOD my_heap TYPE TABLE HANDLER heap_tableam_handler;
CREATE TABLE public.notes (id integer, body text);
CREATE TABLE public.logs (id integer) USING my_heap;
