CREATE TABLE public.categories (
    id serial PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    parent_id integer REFERENCES public.categories
);
INSERT INTO public.categories (code, name) VALUES ('z-old', 'Old root');
INSERT INTO public.categories (code, name, parent_id) SELECT 'b-child', 'Old child', id FROM public.categories WHERE code = 'z-old';
