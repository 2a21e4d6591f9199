CREATE TABLE public.t (id serial PRIMARY KEY, a integer);
CREATE VIEW public.v AS SELECT id, a FROM public.t;
