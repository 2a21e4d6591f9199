-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop trigger public.kept.kept_trg
-- hazard security: Drops trigger kept_trg on public.kept: whatever it enforced or recorded (audit, integrity, permissions) stops.
DROP TRIGGER kept_trg ON public.kept;

-- step 2: drop trigger public.v.v_trg
DROP TRIGGER v_trg ON public.v;

-- step 3: drop table public.t
-- hazard deletes_data: Dropping table public.t deletes all of its rows. (public.t: <size>)
DROP TABLE public.t;

-- step 4: drop function public.trg()
DROP FUNCTION public.trg();

-- step 5: create trigger public.v.v_trg
CREATE TRIGGER v_trg INSTEAD OF INSERT OR UPDATE ON public.v FOR EACH ROW EXECUTE FUNCTION public.other();

-- step 6: alter trigger public.v.v_trg
COMMENT ON TRIGGER v_trg ON public.v IS 'view trigger';

COMMIT;
