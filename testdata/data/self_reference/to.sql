-- A tree keyed by code: children sort before their parents, some new
-- rows hang under other new rows, an existing row moves to a new parent.
CREATE TABLE public.categories (
    id serial PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    parent_id integer REFERENCES public.categories
);
INSERT INTO public.categories (code, name) VALUES ('z-root', 'Root');
INSERT INTO public.categories (code, name, parent_id) SELECT 'm-mid', 'Middle', id FROM public.categories WHERE code = 'z-root';
INSERT INTO public.categories (code, name, parent_id) SELECT 'a-leaf', 'Leaf', id FROM public.categories WHERE code = 'm-mid';
INSERT INTO public.categories (code, name, parent_id) SELECT 'b-child', 'Old child', id FROM public.categories WHERE code = 'm-mid';
