CREATE SCHEMA sec;
CREATE FUNCTION sec.tenant() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT current_setting('app.tenant')::integer $$;
CREATE TABLE public.accounts (id integer PRIMARY KEY, tenant integer NOT NULL, region varchar(10), closed boolean);
CREATE TABLE public.blocked (tenant integer);
ALTER TABLE public.accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY by_tenant ON public.accounts USING (tenant = sec.tenant());
CREATE POLICY by_region ON public.accounts FOR SELECT USING (region = 'eu');
CREATE POLICY not_blocked ON public.accounts AS RESTRICTIVE USING (tenant NOT IN (SELECT tenant FROM public.blocked));
CREATE POLICY open_only ON public.accounts FOR UPDATE USING (NOT closed);
