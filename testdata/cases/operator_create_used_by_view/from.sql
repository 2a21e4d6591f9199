CREATE TABLE public.pairs (a integer, b integer);
