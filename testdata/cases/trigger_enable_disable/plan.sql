-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter trigger public.t.t1
-- hazard security: Disables trigger t1 on public.t for ordinary sessions: whatever it enforced or recorded stops.
ALTER TABLE public.t DISABLE TRIGGER t1;

-- step 2: alter trigger public.t.t2
ALTER TABLE public.t ENABLE TRIGGER t2;

-- step 3: alter trigger public.t.t3
-- hazard security: Disables trigger t3 on public.t for ordinary sessions: whatever it enforced or recorded stops.
ALTER TABLE public.t ENABLE REPLICA TRIGGER t3;

-- step 4: alter trigger public.t.t4
ALTER TABLE public.t ENABLE TRIGGER t4;

-- step 5: alter trigger public.t.t3
COMMENT ON TRIGGER t3 ON public.t IS 'third, replica only';

COMMIT;
