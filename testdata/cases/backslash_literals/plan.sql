-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create type public.mood
CREATE TYPE public.mood AS ENUM (
    E'a\\b',
    'plain',
    E'quote\\''s'
);

-- step 2: create function public.trg()
CREATE OR REPLACE FUNCTION public.trg()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN RETURN NEW; END $function$;

-- step 3: alter column public.t.a
ALTER TABLE public.t ALTER COLUMN a DROP DEFAULT;

-- step 4: alter column public.t.a
ALTER TABLE public.t ALTER COLUMN a SET DEFAULT E'back\\slash';

-- step 5: create column public.t.m
ALTER TABLE public.t ADD COLUMN m public.mood DEFAULT E'a\\b';

-- step 6: create constraint public.t.t_a_check
-- hazard validation_scan: Adding t_a_check scans public.t and fails if an existing row violates it. (public.t: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.t while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.t: <size>)
ALTER TABLE public.t ADD CONSTRAINT t_a_check CHECK (a <> E'\\');

-- step 7: alter function public.trg()
COMMENT ON FUNCTION public.trg() IS E'a \\ b';

-- step 8: create trigger public.t.tt
CREATE TRIGGER tt BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.trg(E'x\\y', E'\\''); --');

-- step 9: alter table public.t
COMMENT ON TABLE public.t IS E'\\''); DROP TABLE t; --';

-- step 10: alter column public.t.a
COMMENT ON COLUMN public.t.a IS E'ends with \\';

COMMIT;
