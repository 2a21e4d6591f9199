CREATE TABLE public.tenants (id integer PRIMARY KEY, name text);
CREATE TABLE public.docs (
    id integer PRIMARY KEY,
    tenant_id integer NOT NULL,
    owner text,
    body text,
    level bigint
);
ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;
-- Unchanged, spelled differently than PostgreSQL prints it.
CREATE POLICY by_tenant ON docs USING (tenant_id = current_setting('app.tenant')::integer);
-- Roles and both expressions change in place.
CREATE POLICY owner_writes ON public.docs FOR UPDATE TO app_rw, app_ro
    USING (owner = session_user) WITH CHECK (owner = session_user AND body IS NOT NULL);
CREATE POLICY readers ON public.docs AS PERMISSIVE FOR SELECT TO app_ro
    USING (tenant_id IN (SELECT id FROM public.tenants WHERE name <> 'closed'));
-- Restrictive now: dropped and created again. Its column changes type too.
CREATE POLICY permissive_to_restrictive ON public.docs AS RESTRICTIVE USING (level > 0);
CREATE POLICY loses_check ON public.docs FOR UPDATE USING (true);
CREATE POLICY inserts ON public.docs FOR INSERT TO app_rw WITH CHECK (tenant_id > 0 AND length(body) < 1000::bigint);
COMMENT ON POLICY readers ON public.docs IS 'readers of open tenants';
-- A new table with its policies.
CREATE TABLE public.notes (id integer, tenant_id integer);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_tenant ON public.notes TO app_ro, app_rw USING (tenant_id::text = current_setting('app.tenant'));
