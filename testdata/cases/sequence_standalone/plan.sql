-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create sequence public.countdown
CREATE SEQUENCE public.countdown AS bigint INCREMENT BY -1;

-- step 2: create sequence public.invoice_numbers
CREATE SEQUENCE public.invoice_numbers AS integer MAXVALUE 999999 START WITH 1000 CACHE 10;

-- step 3: create table public.invoices
CREATE TABLE public.invoices (
    no integer DEFAULT nextval('public.invoice_numbers'::regclass) NOT NULL,
    note text
);

-- step 4: alter sequence public.invoice_numbers
COMMENT ON SEQUENCE public.invoice_numbers IS 'legal numbering';

COMMIT;
