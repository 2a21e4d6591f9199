-- Up to PostgreSQL 15 an inheritance child may make a column generated
-- that is plain in its parent (16 and later refuse it: max_version); the
-- child's expression must survive.
CREATE TABLE public.p (x integer, y integer);
CREATE TABLE public.c (x integer, y integer GENERATED ALWAYS AS (x * 3) STORED) INHERITS (public.p);
