-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.readings
CREATE TABLE public.readings (
    x integer
);

-- step 2: create table public.settings
CREATE TABLE public.settings (
    k text,
    v integer
);

-- step 3: create view public.z_offsets
CREATE VIEW public.z_offsets AS
SELECT v FROM public.settings WHERE k = 'offset';

-- step 4: create function public.shifted(x integer)
CREATE OR REPLACE FUNCTION public.shifted(x integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
BEGIN ATOMIC SELECT x + COALESCE((SELECT v FROM z_offsets), 0); END;

-- step 5: create index public.readings.readings_shifted
CREATE INDEX readings_shifted ON public.readings USING btree (public.shifted(x));

COMMIT;
