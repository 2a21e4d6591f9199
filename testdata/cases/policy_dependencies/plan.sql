-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop policy public.accounts.by_region
-- hazard security: Changes policy by_region on public.accounts: review which roles and rows it lets through now.
DROP POLICY by_region ON public.accounts;

-- step 2: drop policy public.accounts.by_tenant
-- hazard security: Changes policy by_tenant on public.accounts: review which roles and rows it lets through now.
DROP POLICY by_tenant ON public.accounts;

-- step 3: drop policy public.accounts.not_blocked
-- hazard security: Drops policy not_blocked on public.accounts: the rows it allowed or restricted are governed by the remaining policies (none left denies everyone but the owner, a permissive one gone may hide rows, a restrictive one gone shows more).
DROP POLICY not_blocked ON public.accounts;

-- step 4: drop policy public.accounts.open_only
-- hazard security: Drops policy open_only on public.accounts: the rows it allowed or restricted are governed by the remaining policies (none left denies everyone but the owner, a permissive one gone may hide rows, a restrictive one gone shows more).
DROP POLICY open_only ON public.accounts;

-- step 5: drop table public.blocked
-- hazard deletes_data: Dropping table public.blocked deletes all of its rows. (public.blocked: <size>)
DROP TABLE public.blocked;

-- step 6: drop column public.accounts.closed
-- hazard deletes_data: Dropping column public.accounts.closed deletes its values. (public.accounts: <size>)
ALTER TABLE public.accounts DROP COLUMN closed;

-- step 7: drop function sec.tenant()
DROP FUNCTION sec.tenant();

-- step 8: create function sec.is_admin()
CREATE OR REPLACE FUNCTION sec.is_admin()
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT current_setting('app.admin', true) = 'on' $function$;

-- step 9: create function sec.tenant()
CREATE OR REPLACE FUNCTION sec.tenant()
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$ SELECT current_setting('app.tenant')::bigint $function$;

-- step 10: alter column public.accounts.region
ALTER TABLE public.accounts ALTER COLUMN region TYPE text USING region::text;

-- step 11: create policy public.accounts.admins
CREATE POLICY admins ON public.accounts
    TO app_rw
    USING (sec.is_admin());

-- step 12: create policy public.accounts.by_region
CREATE POLICY by_region ON public.accounts
    FOR SELECT
    USING (region = 'eu');

-- step 13: create policy public.accounts.by_tenant
CREATE POLICY by_tenant ON public.accounts
    USING (tenant = sec.tenant());

COMMIT;
