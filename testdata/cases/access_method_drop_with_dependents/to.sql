-- The index, the class and its family go before the index access
-- method, the method before its handler; the table moves back to heap
-- before its access method is dropped.
CREATE TABLE public.docs (id integer PRIMARY KEY, v integer);
CREATE TABLE public.notes (id integer, body text);
