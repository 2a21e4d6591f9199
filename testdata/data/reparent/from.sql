CREATE TABLE public.regions (
    id serial PRIMARY KEY,
    code text NOT NULL UNIQUE
);
CREATE TABLE public.stores (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    region_id integer NOT NULL REFERENCES public.regions
);
INSERT INTO public.regions (code) VALUES ('east'), ('west');
INSERT INTO public.stores (name, region_id) SELECT 'harbour', id FROM public.regions WHERE code = 'east';
INSERT INTO public.stores (name, region_id) SELECT 'hill', id FROM public.regions WHERE code = 'west';
