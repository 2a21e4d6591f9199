-- A child attached by ALTER TABLE ... INHERIT whose generated column
-- comes from its parent. Up to PostgreSQL 15 a child cannot state a
-- generation expression of its own for an inherited generated column
-- (CREATE TABLE ... INHERITS rejects it), so the file must leave it out
-- there; from 16 on the child's own expression is kept.
CREATE TABLE public.p (x integer, g integer GENERATED ALWAYS AS (x * 2) STORED, y integer);
CREATE TABLE public.c (x integer, g integer GENERATED ALWAYS AS (x * 2) STORED, y integer, z text);
ALTER TABLE public.c INHERIT public.p;
CREATE TABLE public.c3 () INHERITS (public.p);
