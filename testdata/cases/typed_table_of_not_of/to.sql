CREATE TYPE public.point3 AS (x integer, y integer, z integer);
CREATE TABLE public.points OF public.point3;
CREATE TABLE public.vertices (x integer DEFAULT 0, y integer, z integer, w integer);
CREATE TYPE public.pair2 AS (l text, r text);
CREATE TABLE public.pairs OF public.pair2;
