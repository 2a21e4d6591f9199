CREATE TABLE public.statuses (
    id serial PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE public.kinds (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL
);
INSERT INTO public.statuses (name) VALUES ('new'), ('open');
INSERT INTO public.kinds (name) VALUES ('a');
