-- A new enum value and rows using it in the same plan: PostgreSQL refuses
-- a new value in the transaction that adds it.
CREATE TYPE public.tier AS ENUM ('basic', 'silver', 'gold');
CREATE TABLE public.levels (
    name text PRIMARY KEY,
    tier public.tier NOT NULL
);
INSERT INTO public.levels VALUES ('one', 'silver'), ('two', 'gold'), ('three', 'silver');
