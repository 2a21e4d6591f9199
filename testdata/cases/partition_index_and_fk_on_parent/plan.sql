-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop index public.invoices.invoices_customer_idx
DROP INDEX public.invoices_customer_idx;

-- step 2: create table public.invoices_2021
CREATE TABLE public.invoices_2021 PARTITION OF public.invoices FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');

-- step 3: create table public.payments
CREATE TABLE public.payments (
    invoice integer,
    issued date
);

-- step 4: create constraint public.invoices.invoices_pkey
-- hazard index_build: Adding invoices_pkey builds an index on public.invoices, blocking writes, and fails on duplicate rows. (public.invoices: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.invoices while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.invoices: <size>)
ALTER TABLE public.invoices ADD CONSTRAINT invoices_pkey PRIMARY KEY (id, issued);

-- step 5: create constraint public.invoices.recent
-- hazard validation_scan: Adding recent scans public.invoices and fails if an existing row violates it. (public.invoices: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.invoices while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.invoices: <size>)
ALTER TABLE public.invoices ADD CONSTRAINT recent CHECK (issued > '2000-01-01');

-- step 6: create index public.invoices_2021.invoices_2021_customer_issued
CREATE INDEX invoices_2021_customer_issued ON public.invoices_2021 USING btree (customer, issued);

-- step 7: create index public.invoices.invoices_issued_idx
-- hazard index_build: Building index invoices_issued_idx blocks writes to public.invoices until it finishes. (public.invoices: <size>)
CREATE INDEX invoices_issued_idx ON public.invoices USING btree (issued DESC);

-- step 8: create constraint public.payments.payments_invoice_issued_fkey
ALTER TABLE public.payments ADD CONSTRAINT payments_invoice_issued_fkey FOREIGN KEY (invoice, issued) REFERENCES public.invoices(id, issued);

-- step 9: create constraint public.invoices.invoices_customer_fkey
-- hazard validation_scan: Adding invoices_customer_fkey scans public.invoices and fails if an existing row violates it. (public.invoices: <size>)
ALTER TABLE public.invoices ADD CONSTRAINT invoices_customer_fkey FOREIGN KEY (customer) REFERENCES public.customers(id);

COMMIT;
