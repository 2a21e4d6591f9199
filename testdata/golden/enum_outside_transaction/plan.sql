-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter column public.invoices.status
ALTER TABLE public.invoices ALTER COLUMN status DROP DEFAULT;

COMMIT;

-- step 2: alter type public.invoice_status
-- hazard not_transactional: Runs outside the plan's transaction because it adds an enum value that later steps use, and PostgreSQL refuses to use a new enum value in the transaction that adds it; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER TYPE public.invoice_status ADD VALUE 'draft' BEFORE 'open';

-- step 3: alter column public.invoices.status
-- hazard not_transactional: Runs outside the plan's transaction because it runs after an enum value is added outside the transaction (PostgreSQL refuses to use a new enum value in the transaction that adds it); if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER TABLE public.invoices ALTER COLUMN status SET DEFAULT 'draft';
