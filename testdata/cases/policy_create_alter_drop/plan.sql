-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop policy public.docs.loses_check
-- hazard security: Changes policy loses_check on public.docs: review which roles and rows it lets through now.
DROP POLICY loses_check ON public.docs;

-- step 2: drop policy public.docs.permissive_to_restrictive
-- hazard security: Changes policy permissive_to_restrictive on public.docs: review which roles and rows it lets through now.
DROP POLICY permissive_to_restrictive ON public.docs;

-- step 3: drop policy public.docs.gone
-- hazard security: Drops policy gone on public.docs: the rows it allowed or restricted are governed by the remaining policies (none left denies everyone but the owner, a permissive one gone may hide rows, a restrictive one gone shows more).
DROP POLICY gone ON public.docs;

-- step 4: create table public.notes
CREATE TABLE public.notes (
    id integer,
    tenant_id integer
);

-- step 5: alter column public.docs.level
-- hazard table_rewrite: Changing the type of public.docs.level rewrites the table under an ACCESS EXCLUSIVE lock. (public.docs: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.docs while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.docs: <size>)
ALTER TABLE public.docs ALTER COLUMN level TYPE bigint USING level::bigint;

-- step 6: create policy public.docs.inserts
CREATE POLICY inserts ON public.docs
    FOR INSERT
    TO app_rw
    WITH CHECK (tenant_id > 0 AND length(body) < 1000::bigint);

-- step 7: create policy public.docs.loses_check
CREATE POLICY loses_check ON public.docs
    FOR UPDATE
    USING (true);

-- step 8: alter policy public.docs.owner_writes
-- hazard security: Changes policy owner_writes on public.docs: review which roles and rows it lets through now.
ALTER POLICY owner_writes ON public.docs
    TO app_ro, app_rw
    USING (owner = session_user)
    WITH CHECK (owner = session_user AND body IS NOT NULL);

-- step 9: create policy public.docs.permissive_to_restrictive
CREATE POLICY permissive_to_restrictive ON public.docs
    AS RESTRICTIVE
    USING (level > 0);

-- step 10: alter policy public.docs.readers
-- hazard security: Changes policy readers on public.docs: review which roles and rows it lets through now.
ALTER POLICY readers ON public.docs
    USING (tenant_id IN (SELECT tenants.id FROM public.tenants WHERE tenants.name <> 'closed'::text));

-- step 11: alter policy public.docs.readers
COMMENT ON POLICY readers ON public.docs IS 'readers of open tenants';

-- step 12: create policy public.notes.notes_tenant
CREATE POLICY notes_tenant ON public.notes
    TO app_ro, app_rw
    USING (tenant_id::text = current_setting('app.tenant'));

-- step 13: alter table public.notes
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;

COMMIT;
