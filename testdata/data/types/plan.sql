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
UPDATE public.samples SET t = E'line one\nline two\ttab ''quoted'' back\\slash "dq" -- not a comment; (paren', b = E'\\x00ff10', j = '{"b": 1,  "a": [1, 2]}', jb = '{"a": {"x": null}, "b": 1}', arr = '{1,NULL,3}', tarr = E'{"a b","c,d","e\\"f",NULL,""}', n = -12345.678, f = 'NaN', r = '-Infinity', ts = '2024-03-01 07:59:59.123456+00', tsz = '1999-12-31 00:00:00', d = '2000-01-01', iv = '1 year 2 mons 3 days 04:05:06.7', m = 'sad', ip = '10.0.0.1/8', c = 'ab', big = 9223372036854775807 WHERE id = '00000000-0000-0000-0000-000000000002';

-- step 3: insert data public.samples
INSERT INTO public.samples (id, t, b, j, jb, arr, tarr, n, f, r, ts, tsz, d, iv, m, ok, ip, c, big) VALUES
    ('00000000-0000-0000-0000-000000000003', 'unicode: äöü ✓ 日本', E'\\x', 'null', '[]', '{}', '{}', 0.000, 1e-300, 3.25, 'infinity', '-infinity', '4713-01-01 BC', '-1 days', 'happy', NULL, '::1/128', NULL, -1),
    ('00000000-0000-0000-0000-000000000004', '', NULL, NULL, NULL, NULL, NULL, NULL, 0.1, NULL, NULL, NULL, NULL, NULL, 'ok', NULL, NULL, NULL, 0);

COMMIT;
