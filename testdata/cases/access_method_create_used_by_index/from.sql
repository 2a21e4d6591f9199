CREATE TABLE public.docs (id integer PRIMARY KEY, v integer);
