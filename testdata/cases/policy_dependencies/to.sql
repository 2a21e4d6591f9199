CREATE SCHEMA sec;
-- The function's result type changes: it is dropped and created again,
-- and the policy using it with it.
CREATE FUNCTION sec.tenant() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT current_setting('app.tenant')::bigint $$;
CREATE FUNCTION sec.is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT current_setting('app.admin', true) = 'on' $$;
-- region widens under an unchanged policy; closed is dropped with the
-- policy that used it.
CREATE TABLE public.accounts (id integer PRIMARY KEY, tenant integer NOT NULL, region text);
ALTER TABLE public.accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY by_tenant ON public.accounts USING (tenant = sec.tenant());
CREATE POLICY by_region ON public.accounts FOR SELECT USING (region = 'eu');
-- A policy using a function this plan creates.
CREATE POLICY admins ON public.accounts TO app_rw USING (sec.is_admin());
