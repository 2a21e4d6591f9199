CREATE TABLE public.tenants (id integer PRIMARY KEY, name text);
CREATE TABLE public.docs (
    id integer PRIMARY KEY,
    tenant_id integer NOT NULL,
    owner text,
    body text,
    level integer
);
ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY by_tenant ON public.docs
    USING (tenant_id = current_setting('app.tenant')::int);
CREATE POLICY owner_writes ON public.docs FOR UPDATE TO app_rw
    USING (owner = current_user) WITH CHECK (owner = current_user);
CREATE POLICY readers ON public.docs FOR SELECT TO app_ro USING (true);
CREATE POLICY gone ON public.docs FOR DELETE USING (false);
CREATE POLICY permissive_to_restrictive ON public.docs USING (level > 0);
CREATE POLICY loses_check ON public.docs FOR UPDATE USING (true) WITH CHECK (level < 10);
COMMENT ON POLICY readers ON public.docs IS 'read only';
