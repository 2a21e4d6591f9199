-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop procedure public.outs(IN a integer, OUT b integer)
DROP PROCEDURE public.outs(IN a integer, OUT b integer);

-- step 2: drop procedure public.old_proc()
DROP PROCEDURE public.old_proc();

-- step 3: create procedure public.atomic_proc(IN x integer)
CREATE OR REPLACE PROCEDURE public.atomic_proc(IN x integer DEFAULT 1)
 LANGUAGE sql
BEGIN ATOMIC INSERT INTO audit VALUES ('x'); END;

-- step 4: create procedure public.outs(IN a integer, OUT b text)
CREATE OR REPLACE PROCEDURE public.outs(IN a integer, OUT b text)
 LANGUAGE plpgsql
AS $procedure$ BEGIN b := a::text; END $procedure$;

-- step 5: alter procedure public.record(IN msg text)
CREATE OR REPLACE PROCEDURE public.record(IN msg text)
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $procedure$ INSERT INTO audit VALUES (upper(msg)) $procedure$;

-- step 6: alter procedure public.outs(IN a integer, OUT b text)
COMMENT ON PROCEDURE public.outs(IN a integer, OUT b text) IS 'text variant';

-- step 7: alter procedure public.record(IN msg text)
COMMENT ON PROCEDURE public.record(IN msg text) IS 'records a message';

COMMIT;
