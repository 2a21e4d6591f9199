-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create function public.is_iban(v text)
CREATE OR REPLACE FUNCTION public.is_iban(v text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT v ~ '^[A-Z]{2}[0-9]{2}' $function$;

-- step 2: create function public.no_iban()
CREATE OR REPLACE FUNCTION public.no_iban()
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT 'XX00' $function$;

-- step 3: create type public.iban
CREATE DOMAIN public.iban AS text;

-- step 4: alter type public.iban
ALTER DOMAIN public.iban SET DEFAULT public.no_iban();

-- step 5: alter type public.iban
ALTER DOMAIN public.iban ADD CONSTRAINT iban_valid CHECK (public.is_iban(value));

-- step 6: create column public.accounts.iban
ALTER TABLE public.accounts ADD COLUMN iban public.iban;

COMMIT;
