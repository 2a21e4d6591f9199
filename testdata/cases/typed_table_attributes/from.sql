-- A change of a composite type's attributes reaches its typed tables
-- (and their partitions) through ALTER TYPE ... CASCADE; the tables'
-- own defaults and NOT NULL change with ALTER TABLE.
CREATE TYPE public.item AS (id integer, label varchar(10), weight integer, note text);
CREATE TABLE public.items OF public.item (id WITH OPTIONS NOT NULL, label WITH OPTIONS DEFAULT 'x', PRIMARY KEY (id));
CREATE TABLE public.items_archive OF public.item;
CREATE TYPE public.event AS (id integer, kind text);
CREATE TABLE public.events OF public.event PARTITION BY LIST (kind);
CREATE TABLE public.events_a PARTITION OF public.events FOR VALUES IN ('a');
