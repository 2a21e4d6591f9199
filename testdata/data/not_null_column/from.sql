CREATE TABLE public.units (
    code text PRIMARY KEY,
    name text NOT NULL
);
INSERT INTO public.units VALUES ('kg', 'kilogram'), ('m', 'metre');
