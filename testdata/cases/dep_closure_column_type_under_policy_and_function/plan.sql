-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop policy public.docs.docs_acl
-- hazard security: Changes policy docs_acl on public.docs: review which roles and rows it lets through now.
DROP POLICY docs_acl ON public.docs;

-- step 2: drop function public.roles_of(u integer)
DROP FUNCTION public.roles_of(u integer);

-- step 3: alter column public.acl.uid
-- hazard table_rewrite: Changing the type of public.acl.uid rewrites the table under an ACCESS EXCLUSIVE lock. (public.acl: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.acl while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.acl: <size>)
ALTER TABLE public.acl ALTER COLUMN uid TYPE bigint USING uid::bigint;

-- step 4: create function public.roles_of(u integer)
CREATE OR REPLACE FUNCTION public.roles_of(u integer)
 RETURNS SETOF text
 LANGUAGE sql
 STABLE
BEGIN ATOMIC SELECT acl.role FROM public.acl WHERE acl.uid = roles_of.u; END;

-- step 5: create policy public.docs.docs_acl
CREATE POLICY docs_acl ON public.docs
    USING (EXISTS (SELECT 1 FROM public.acl WHERE acl.uid = docs.id AND acl.role = 'r'::text));

COMMIT;
