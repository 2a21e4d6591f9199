CREATE TABLE public.t (id int);
CREATE TABLE public.u (id int);
CREATE SEQUENCE public.s OWNED BY public.u.id;
CREATE SEQUENCE public.s2 OWNED BY public.t.id;
