-- From PostgreSQL 16 an inheritance child may generate an inherited
-- generated column with an expression of its own; it must survive, while
-- a child generating it as the parent does is written without one.
CREATE TABLE public.p (x integer, g integer GENERATED ALWAYS AS (x * 2) STORED);
CREATE TABLE public.c (x integer, g integer GENERATED ALWAYS AS (x * 5) STORED) INHERITS (public.p);
CREATE TABLE public.d (x integer, g integer GENERATED ALWAYS AS (x * 2) STORED);
ALTER TABLE public.d INHERIT public.p;
