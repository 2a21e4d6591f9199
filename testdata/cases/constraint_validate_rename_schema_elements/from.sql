CREATE TABLE public.p (id integer PRIMARY KEY);
CREATE TABLE public.t (a integer, b integer);
ALTER TABLE public.t ADD CONSTRAINT a_fk FOREIGN KEY (a) REFERENCES public.p NOT VALID;
ALTER TABLE public.t ADD CONSTRAINT a_pos CHECK (a > 0) NOT VALID;
