-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create type public.mood
CREATE TYPE public.mood AS ENUM (
    'happy',
    'sad'
);

-- step 2: create function public.cheer(m public.mood)
CREATE OR REPLACE FUNCTION public.cheer(m public.mood DEFAULT 'happy')
 RETURNS public.mood
 LANGUAGE sql
AS $function$ SELECT 'happy'::mood $function$;

-- step 3: create function public.is_valid_code(c text)
CREATE OR REPLACE FUNCTION public.is_valid_code(c text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT c ~ '^[A-Z]{3}$' $function$;

-- step 4: create type public.code
CREATE DOMAIN public.code AS text;

-- step 5: alter type public.code
ALTER DOMAIN public.code ADD CONSTRAINT code_check CHECK (public.is_valid_code(value));

-- step 6: create table public.products
CREATE TABLE public.products (
    id integer,
    c public.code
);

COMMIT;
