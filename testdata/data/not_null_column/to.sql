-- A NOT NULL column without default added to a data table: the data file
-- gives every row its value.
CREATE TABLE public.units (
    code text PRIMARY KEY,
    name text NOT NULL,
    symbol text NOT NULL
);
INSERT INTO public.units VALUES ('kg', 'kilogram', 'kg'), ('m', 'metre', 'm'), ('s', 'second', 's');
