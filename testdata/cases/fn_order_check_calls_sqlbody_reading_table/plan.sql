-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.codes
CREATE TABLE public.codes (
    code text NOT NULL,
    CONSTRAINT codes_pkey PRIMARY KEY (code)
);

-- step 2: create function public.first_code()
CREATE OR REPLACE FUNCTION public.first_code()
 RETURNS text
 LANGUAGE sql
 STABLE
RETURN (SELECT min(code) FROM codes);

-- step 3: create function public.valid_code(c text)
CREATE OR REPLACE FUNCTION public.valid_code(c text)
 RETURNS boolean
 LANGUAGE sql
 STABLE
BEGIN ATOMIC SELECT EXISTS (SELECT 1 FROM codes WHERE code = c); END;

-- step 4: create table public.items
CREATE TABLE public.items (
    id integer NOT NULL,
    code text DEFAULT public.first_code(),
    CONSTRAINT items_code_valid CHECK (public.valid_code(code)),
    CONSTRAINT items_pkey PRIMARY KEY (id)
);

COMMIT;
