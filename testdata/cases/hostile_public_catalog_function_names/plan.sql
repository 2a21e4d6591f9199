-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop column public.invoices.obsolete
-- hazard deletes_data: Dropping column public.invoices.obsolete deletes its values. (public.invoices: <size>)
ALTER TABLE public.invoices DROP COLUMN obsolete;

-- step 2: create view public.invoice_notes
CREATE VIEW public.invoice_notes AS
SELECT id, note FROM public.invoices;

COMMIT;
