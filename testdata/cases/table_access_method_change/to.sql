CREATE ACCESS METHOD my_heap TYPE TABLE HANDLER heap_tableam_handler;
-- SET ACCESS METHOD (PostgreSQL 15 and later) both ways.
CREATE TABLE public.notes (id integer, body text) USING my_heap;
CREATE TABLE public.logs (id integer) USING heap;
