-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create sequence public.Events_id_seq
CREATE SEQUENCE public."Events_id_seq" AS bigint;

-- step 2: create table public.Events
CREATE TABLE public."Events" (
    id bigint DEFAULT nextval('public."Events_id_seq"'::regclass) NOT NULL,
    happened timestamp without time zone NOT NULL,
    "Kind" text DEFAULT 'misc',
    payload jsonb
) PARTITION BY RANGE (happened);

-- step 3: create table public.Events 2023
CREATE TABLE public."Events 2023" PARTITION OF public."Events" FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');

-- step 4: create table public.events_2024
CREATE TABLE public.events_2024 PARTITION OF public."Events" (
    CONSTRAINT recent_kind CHECK ("Kind" <> '')
) FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- step 5: create table public.events_old
CREATE TABLE public.events_old PARTITION OF public."Events" FOR VALUES FROM (MINVALUE) TO ('2023-01-01');

-- step 6: create table public.readings
CREATE TABLE public.readings (
    sensor integer NOT NULL,
    at date NOT NULL,
    value numeric
) PARTITION BY RANGE (sensor, extract ('year' FROM at));

-- step 7: create table public.readings_low
CREATE TABLE public.readings_low PARTITION OF public.readings FOR VALUES FROM (0, 2000) TO (100, MAXVALUE);

-- step 8: alter column public.events_2024.Kind
ALTER TABLE public.events_2024 ALTER COLUMN "Kind" SET DEFAULT 'recent';

-- step 9: alter sequence public.Events_id_seq
ALTER SEQUENCE public."Events_id_seq" OWNED BY public."Events".id;

-- step 10: alter table public.Events 2023
COMMENT ON TABLE public."Events 2023" IS 'last year';

COMMIT;
