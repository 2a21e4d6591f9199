-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create sequence public.other_seq
CREATE SEQUENCE public.other_seq AS integer;

-- step 2: alter sequence public.other_seq
GRANT SELECT ON SEQUENCE public.other_seq TO app_ro;

-- step 3: alter sequence public.ticket_seq
GRANT USAGE ON SEQUENCE public.ticket_seq TO app_ro;

-- step 4: alter sequence public.ticket_seq
GRANT ALL ON SEQUENCE public.ticket_seq TO app_rw;

-- step 5: alter sequence public.tickets_id_seq
GRANT SELECT, USAGE ON SEQUENCE public.tickets_id_seq TO app_ro;

-- step 6: alter sequence public.tickets_id_seq
GRANT USAGE ON SEQUENCE public.tickets_id_seq TO app_rw;

COMMIT;
