-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

-- step 1: alter type public.state
-- hazard not_transactional: Runs outside the plan's transaction because it adds an enum value that later steps use, and PostgreSQL refuses to use a new enum value in the transaction that adds it; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER TYPE public.state ADD VALUE 'pending' BEFORE 'draft';

-- step 2: alter type public.state
-- hazard not_transactional: Runs outside the plan's transaction because it adds an enum value that later steps use, and PostgreSQL refuses to use a new enum value in the transaction that adds it; if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER TYPE public.state ADD VALUE 'archived' AFTER 'published';

-- step 3: create table public.archive
-- hazard not_transactional: Runs outside the plan's transaction because it runs after an enum value is added outside the transaction (PostgreSQL refuses to use a new enum value in the transaction that adds it); if it fails, the steps before it stay applied.
-- renovate:no-transaction
CREATE TABLE public.archive (
    id integer NOT NULL,
    state public.state DEFAULT 'archived' NOT NULL,
    CONSTRAINT archive_pkey PRIMARY KEY (id)
);

-- step 4: alter column public.posts.state
-- hazard not_transactional: Runs outside the plan's transaction because it runs after an enum value is added outside the transaction (PostgreSQL refuses to use a new enum value in the transaction that adds it); if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER TABLE public.posts ALTER COLUMN state DROP DEFAULT;

-- step 5: alter column public.posts.state
-- hazard not_transactional: Runs outside the plan's transaction because it runs after an enum value is added outside the transaction (PostgreSQL refuses to use a new enum value in the transaction that adds it); if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER TABLE public.posts ALTER COLUMN state SET DEFAULT 'pending';

-- step 6: create constraint public.posts.archived_has_id
-- hazard validation_scan: Adding archived_has_id scans public.posts and fails if an existing row violates it. (public.posts: <size>)
-- hazard not_transactional: Runs outside the plan's transaction because it runs after an enum value is added outside the transaction (PostgreSQL refuses to use a new enum value in the transaction that adds it); if it fails, the steps before it stay applied.
-- renovate:no-transaction
ALTER TABLE public.posts ADD CONSTRAINT archived_has_id CHECK (state <> 'archived' OR id > 0);
