CREATE TYPE public.tier AS ENUM ('basic', 'gold');
CREATE TABLE public.levels (
    name text PRIMARY KEY,
    tier public.tier NOT NULL
);
INSERT INTO public.levels VALUES ('one', 'basic'), ('two', 'gold');
