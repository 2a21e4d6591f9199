-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create constraint public.customers.customers_name_renovate_not_null
ALTER TABLE public.customers ADD CONSTRAINT customers_name_renovate_not_null CHECK (name IS NOT NULL) NOT VALID;

-- step 2: create constraint public.orders.orders_note_renovate_not_null
ALTER TABLE public.orders ADD CONSTRAINT orders_note_renovate_not_null CHECK (note IS NOT NULL) NOT VALID;

-- step 3: create constraint public.orders.orders_amount_check
ALTER TABLE public.orders ADD CONSTRAINT orders_amount_check CHECK (amount >= 0::numeric) NOT VALID;

-- step 4: create constraint public.orders.orders_customer_id_fkey
ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id) NOT VALID;

COMMIT;

-- step 5: drop index public.orders.orders_placed_at_idx
-- hazard not_transactional: Runs outside the plan's transaction because DROP INDEX CONCURRENTLY cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
DROP INDEX CONCURRENTLY public.orders_placed_at_idx;

-- step 6: drop index public.orders.orders_note_idx
-- hazard not_transactional: Runs outside the plan's transaction because DROP INDEX CONCURRENTLY cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
DROP INDEX CONCURRENTLY public.orders_note_idx;

-- step 7: alter constraint public.customers.customers_name_renovate_not_null
-- hazard validation_scan: Validating customers_name_renovate_not_null scans public.customers under a SHARE UPDATE EXCLUSIVE lock (reads and writes go on) and fails if a row holds NULL in name. (public.customers: <size>)
-- hazard not_transactional: Runs outside the plan's transaction because VALIDATE runs after the plan's transaction so the scan holds none of its locks; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER TABLE public.customers VALIDATE CONSTRAINT customers_name_renovate_not_null;

-- step 8: alter column public.customers.name
-- hazard not_transactional: Runs outside the plan's transaction because SET NOT NULL follows the validation; with a valid CHECK (col IS NOT NULL) PostgreSQL skips the scan; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER TABLE public.customers ALTER COLUMN name SET NOT NULL;

-- step 9: drop constraint public.customers.customers_name_renovate_not_null
-- hazard not_transactional: Runs outside the plan's transaction because the helper CHECK is dropped once NOT NULL is set; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER TABLE public.customers DROP CONSTRAINT customers_name_renovate_not_null;

-- step 10: alter constraint public.orders.orders_note_renovate_not_null
-- hazard validation_scan: Validating orders_note_renovate_not_null scans public.orders under a SHARE UPDATE EXCLUSIVE lock (reads and writes go on) and fails if a row holds NULL in note. (public.orders: <size>)
-- hazard not_transactional: Runs outside the plan's transaction because VALIDATE runs after the plan's transaction so the scan holds none of its locks; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_note_renovate_not_null;

-- step 11: alter column public.orders.note
-- hazard not_transactional: Runs outside the plan's transaction because SET NOT NULL follows the validation; with a valid CHECK (col IS NOT NULL) PostgreSQL skips the scan; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER TABLE public.orders ALTER COLUMN note SET NOT NULL;

-- step 12: drop constraint public.orders.orders_note_renovate_not_null
-- hazard not_transactional: Runs outside the plan's transaction because the helper CHECK is dropped once NOT NULL is set; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER TABLE public.orders DROP CONSTRAINT orders_note_renovate_not_null;

-- step 13: alter constraint public.orders.orders_amount_check
-- hazard validation_scan: Validating orders_amount_check scans public.orders under a SHARE UPDATE EXCLUSIVE lock (reads and writes go on) and fails if an existing row violates it; the constraint then stays NOT VALID. (public.orders: <size>)
-- hazard not_transactional: Runs outside the plan's transaction because VALIDATE runs in its own transaction after the plan's, so the scan holds no lock taken by the plan; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_amount_check;

-- step 14: create index public.orders.orders_customer_id_idx
-- hazard index_build: Building index orders_customer_id_idx CONCURRENTLY scans public.orders twice without blocking writes; it waits for running transactions, and if it fails it leaves an INVALID index that the next plan drops. (public.orders: <size>)
-- hazard not_transactional: Runs outside the plan's transaction because CREATE INDEX CONCURRENTLY cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders USING btree (customer_id);

-- step 15: create index public.orders.orders_placed_at_idx
-- hazard index_build: Building index orders_placed_at_idx CONCURRENTLY scans public.orders twice without blocking writes; it waits for running transactions, and if it fails it leaves an INVALID index that the next plan drops. (public.orders: <size>)
-- hazard not_transactional: Runs outside the plan's transaction because CREATE INDEX CONCURRENTLY cannot run in a transaction block; if it fails, the steps before it stay applied.
-- renovate:no-transaction
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON public.orders USING btree (placed_at DESC);

-- step 16: alter constraint public.orders.orders_customer_id_fkey
-- hazard validation_scan: Validating orders_customer_id_fkey scans public.orders under a SHARE UPDATE EXCLUSIVE lock (reads and writes go on) and fails if an existing row violates it; the constraint then stays NOT VALID. (public.orders: <size>)
-- hazard not_transactional: Runs outside the plan's transaction because VALIDATE runs in its own transaction after the plan's, so the scan holds no lock taken by the plan; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_customer_id_fkey;

-- step 17: alter index public.orders.orders_customer_id_idx
-- hazard not_transactional: Runs outside the plan's transaction because it follows a step on the same object that runs outside the transaction; if it fails, the steps before it stay applied.
-- renovate:no-transaction
COMMENT ON INDEX public.orders_customer_id_idx IS 'orders by customer';
