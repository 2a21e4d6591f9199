-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter column public.things.code
ALTER TABLE public.things ALTER COLUMN code DROP DEFAULT;

-- step 2: drop constraint public.things.things_qty_check
ALTER TABLE public.things DROP CONSTRAINT things_qty_check;

-- step 3: drop index public.things.things_norm_name_idx
DROP INDEX public.things_norm_name_idx;

-- step 4: drop function public.norm(s text)
DROP FUNCTION public.norm(s text);

-- step 5: drop function public.next_code()
DROP FUNCTION public.next_code();

-- step 6: drop function public.is_positive(v integer)
DROP FUNCTION public.is_positive(v integer);

-- step 7: create function public.is_positive(val integer)
CREATE OR REPLACE FUNCTION public.is_positive(val integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT val > 0$function$;

-- step 8: create function public.next_code()
CREATE OR REPLACE FUNCTION public.next_code()
 RETURNS bigint
 LANGUAGE sql
AS $function$SELECT 7::bigint$function$;

-- step 9: create function public.norm(s text)
CREATE OR REPLACE FUNCTION public.norm(s text)
 RETURNS character varying
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT lower(s)$function$;

-- step 10: alter column public.things.code
ALTER TABLE public.things ALTER COLUMN code SET DEFAULT public.next_code();

-- step 11: create constraint public.things.things_qty_check
-- hazard validation_scan: Adding things_qty_check scans public.things and fails if an existing row violates it. (public.things: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.things while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.things: <size>)
ALTER TABLE public.things ADD CONSTRAINT things_qty_check CHECK (public.is_positive(qty));

-- step 12: create index public.things.things_norm_name_idx
-- hazard index_build: Building index things_norm_name_idx blocks writes to public.things until it finishes. (public.things: <size>)
CREATE INDEX things_norm_name_idx ON public.things USING btree (public.norm(name));

COMMIT;
