-- Region east is replaced by north: its store moves to the new region
-- (insert north, update the store, then delete east).
CREATE TABLE public.regions (
    id serial PRIMARY KEY,
    code text NOT NULL UNIQUE
);
CREATE TABLE public.stores (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    region_id integer NOT NULL REFERENCES public.regions
);
INSERT INTO public.regions (code) VALUES ('north'), ('west');
INSERT INTO public.stores (name, region_id) SELECT 'harbour', id FROM public.regions WHERE code = 'north';
INSERT INTO public.stores (name, region_id) SELECT 'hill', id FROM public.regions WHERE code = 'west';
