-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: delete data public.samples
-- hazard deletes_data: deletes rows of data table public.samples that are not in its data file (1 in all)
DELETE FROM public.samples WHERE id = '00000000-0000-0000-0000-000000000009';

-- step 2: update data public.samples
UPDATE public.samples SET t = 'changed' WHERE id = '00000000-0000-0000-0000-000000000002';

-- step 3: insert data public.samples
INSERT INTO public.samples (id, t, b, j, jb, arr, tarr, n, f, r, ts, tsz, d, iv, m, ok, ip, c, big) VALUES
    ('00000000-0000-0000-0000-00000000000A', 'ten', NULL, NULL, '{"a":1}', '{ 1, 2 }', NULL, 1.500, 1, NULL, '2024-01-01 02:00:00+02', NULL, '2024-01-31', '36 hours', NULL, 't', NULL, 'x  ', NULL);

COMMIT;
