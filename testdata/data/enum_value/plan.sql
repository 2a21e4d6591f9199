-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

-- step 1: alter type public.tier
-- hazard not_transactional: Runs outside the plan's transaction because it adds an enum value that later steps use, and PostgreSQL refuses to use a new enum value in the transaction that adds it; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER TYPE public.tier ADD VALUE 'silver' AFTER 'basic';

-- step 2: update data public.levels
-- hazard not_transactional: Runs outside the plan's transaction because it runs after an enum value is added outside the transaction (PostgreSQL refuses to use a new enum value in the transaction that adds it); if it fails, the steps before it stay applied.
-- renovate:no-transaction
UPDATE public.levels SET tier = 'silver' WHERE name = 'one';

-- step 3: insert data public.levels
-- hazard not_transactional: Runs outside the plan's transaction because it runs after an enum value is added outside the transaction (PostgreSQL refuses to use a new enum value in the transaction that adds it); if it fails, the steps before it stay applied.
-- renovate:no-transaction
INSERT INTO public.levels (name, tier) VALUES
    ('three', 'silver');
