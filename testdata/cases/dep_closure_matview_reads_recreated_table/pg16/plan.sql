-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop view public.recent
DROP VIEW public.recent;

-- step 2: drop materialized_view public.daily
DROP MATERIALIZED VIEW public.daily;

-- step 3: drop function public.n_events()
DROP FUNCTION public.n_events();

-- step 4: drop table public.events
-- hazard deletes_data: Table public.events is dropped and created again because its partitioning changes (itself or its parent's): all of its rows are deleted. (public.events: <size>)
DROP TABLE public.events;

-- step 5: create table public.events
CREATE TABLE public.events (
    id integer,
    at date
) PARTITION BY RANGE (at);

-- step 6: create function public.n_events()
CREATE OR REPLACE FUNCTION public.n_events()
 RETURNS bigint
 LANGUAGE sql
 STABLE
BEGIN ATOMIC SELECT count(*) AS count FROM public.events; END;

-- step 7: create table public.events_2024
CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- step 8: create materialized_view public.daily
-- hazard table_rewrite: Recreating materialized view public.daily runs its query again to fill it.
CREATE MATERIALIZED VIEW public.daily AS
SELECT at, count(*) AS n FROM public.events GROUP BY at;

-- step 9: create view public.recent
CREATE VIEW public.recent AS
SELECT id FROM public.events;

COMMIT;
