-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: insert data public.kinds
INSERT INTO public.kinds (id, name) OVERRIDING SYSTEM VALUE VALUES
    (5, 'e');

-- step 2: alter data public.kinds
SELECT setval(seq, m) FROM (SELECT pg_get_serial_sequence('public.kinds', 'id')::regclass AS seq, (SELECT max(id) FROM public.kinds) AS m) AS x WHERE m > COALESCE(pg_sequence_last_value(seq), 0);

-- step 3: insert data public.statuses
INSERT INTO public.statuses (id, name) VALUES
    (10, 'closed'),
    (11, 'archived');

-- step 4: alter data public.statuses
SELECT setval(seq, m) FROM (SELECT pg_get_serial_sequence('public.statuses', 'id')::regclass AS seq, (SELECT max(id) FROM public.statuses) AS m) AS x WHERE m > COALESCE(pg_sequence_last_value(seq), 0);

COMMIT;
