-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.invoices
CREATE TABLE public.invoices (
    id bigint NOT NULL,
    CONSTRAINT invoices_pkey PRIMARY KEY (id)
);

-- step 2: alter table public.audit
-- hazard security: Revokes privileges (REVOKE SELECT ON TABLE public.audit FROM app_ro): roles or applications relying on them lose that access.
REVOKE SELECT ON TABLE public.audit FROM app_ro;

-- step 3: alter table public.audit
-- hazard security: Revokes privileges (REVOKE TRUNCATE ON TABLE public.audit FROM app_rw): roles or applications relying on them lose that access.
REVOKE TRUNCATE ON TABLE public.audit FROM app_rw;

-- step 4: alter table public.invoices
GRANT SELECT ON TABLE public.invoices TO app_ro;

-- step 5: alter table public.invoices
GRANT SELECT, INSERT, UPDATE ON TABLE public.invoices TO app_rw;

-- step 6: alter table public.orders
-- hazard security: Revokes privileges (REVOKE DELETE ON TABLE public.orders FROM app_rw): roles or applications relying on them lose that access.
REVOKE DELETE ON TABLE public.orders FROM app_rw;

-- step 7: alter table public.orders
GRANT SELECT ON TABLE public.orders TO app_ro;

-- step 8: alter table public.orders
GRANT INSERT ON TABLE public.orders TO app_rw;

COMMIT;
