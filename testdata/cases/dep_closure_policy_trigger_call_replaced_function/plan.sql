-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop policy public.docs.docs_owner
-- hazard security: Changes policy docs_owner on public.docs: review which roles and rows it lets through now.
DROP POLICY docs_owner ON public.docs;

-- step 2: drop trigger public.docs.docs_touch
DROP TRIGGER docs_touch ON public.docs;

-- step 3: drop function public.allowed(v integer)
DROP FUNCTION public.allowed(v integer);

-- step 4: create function public.allowed(who integer)
CREATE OR REPLACE FUNCTION public.allowed(who integer)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT who > 0 $function$;

-- step 5: create trigger public.docs.docs_touch
CREATE TRIGGER docs_touch BEFORE UPDATE ON public.docs FOR EACH ROW WHEN (public.allowed(new.owner)) EXECUTE FUNCTION public.touch();

-- step 6: create policy public.docs.docs_owner
CREATE POLICY docs_owner ON public.docs
    USING (public.allowed(owner));

COMMIT;
