CREATE TYPE public.item AS (id integer, label varchar(40), note text, price numeric(10,2));
CREATE TABLE public.items OF public.item (id WITH OPTIONS NOT NULL, price WITH OPTIONS DEFAULT 0 NOT NULL, PRIMARY KEY (id));
CREATE TABLE public.items_archive OF public.item;
CREATE TYPE public.event AS (id integer, kind text, payload jsonb);
CREATE TABLE public.events OF public.event PARTITION BY LIST (kind);
CREATE TABLE public.events_a PARTITION OF public.events FOR VALUES IN ('a');
