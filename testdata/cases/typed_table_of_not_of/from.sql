-- ALTER TABLE ... OF makes an ordinary table whose columns match a type
-- typed; NOT OF makes a typed table ordinary again. A typed table
-- dropped with its type goes before it.
CREATE TYPE public.point3 AS (x integer, y integer, z integer);
CREATE TABLE public.points (x integer, y integer);
CREATE TABLE public.vertices OF public.point3 (x WITH OPTIONS DEFAULT 0);
CREATE TYPE public.old_row AS (a integer);
CREATE TABLE public.old_rows OF public.old_row;
CREATE TYPE public.pair AS (l text, r text);
CREATE TABLE public.pairs OF public.pair;
