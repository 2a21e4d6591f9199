-- OWNED BY given twice in one file: the last statement wins, as on the
-- server. Ownership moves between tables and to none.
CREATE TABLE public.t (id int);
CREATE TABLE public.u (id int);
CREATE SEQUENCE public.s OWNED BY NONE;
ALTER SEQUENCE public.s OWNED BY public.t.id;
CREATE SEQUENCE public.s2 OWNED BY public.t.id;
ALTER SEQUENCE public.s2 OWNED BY NONE;
