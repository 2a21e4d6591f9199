-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter sequence public.d
-- hazard deletes_data: Sequence public.d stands at -50, beyond its new bounds (-10 to -1): it restarts at -10 and hands out values it may have handed out before, which can collide with stored rows.
ALTER SEQUENCE public.d MINVALUE -10 RESTART WITH -10;

-- step 2: alter sequence public.s
-- hazard deletes_data: Sequence public.s stands at 50, beyond its new bounds (1 to 20): it restarts at 20 and hands out values it may have handed out before, which can collide with stored rows.
ALTER SEQUENCE public.s MAXVALUE 20 CYCLE RESTART WITH 20;

COMMIT;
