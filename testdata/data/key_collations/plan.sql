-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: delete data public.uuid_keys
-- hazard deletes_data: deletes rows of data table public.uuid_keys that are not in its data file (1 in all)
DELETE FROM public.uuid_keys WHERE k = 'ffffffff-0000-0000-0000-000000000000';

-- step 2: delete data public.mixed_keys
-- hazard deletes_data: deletes rows of data table public.mixed_keys that are not in its data file (3 in all)
DELETE FROM public.mixed_keys WHERE (a, b, c, d) IN (
    ('b', 2, 'ffffffff-0000-0000-0000-000000000000', 'X'),
    ('b', 2, 'ffffffff-0000-0000-0000-000000000000', 'ü'),
    ('b', 10, '00000000-0000-0000-0000-000000000001', 'x')
);

-- step 3: delete data public.icu_keys
-- hazard deletes_data: deletes rows of data table public.icu_keys that are not in its data file (4 in all)
DELETE FROM public.icu_keys WHERE k IN (
    'ab',
    'b',
    'x ',
    'ä'
);

-- step 4: delete data public.default_keys
-- hazard deletes_data: deletes rows of data table public.default_keys that are not in its data file (4 in all)
DELETE FROM public.default_keys WHERE k IN (
    'ab',
    'b',
    'x ',
    'ä'
);

-- step 5: delete data public.c_keys
-- hazard deletes_data: deletes rows of data table public.c_keys that are not in its data file (4 in all)
DELETE FROM public.c_keys WHERE k IN (
    'ab',
    'b',
    'x ',
    'ä'
);

-- step 6: update data public.c_keys
UPDATE public.c_keys SET v = 'v8' WHERE k = '10';

-- step 7: update data public.c_keys
UPDATE public.c_keys SET v = NULL WHERE k = 'Ab';

-- step 8: update data public.c_keys
UPDATE public.c_keys SET v = 'v1 changed' WHERE k = 'B';

-- step 9: update data public.c_keys
UPDATE public.c_keys SET v = 'v2' WHERE k = 'Z';

-- step 10: update data public.c_keys
UPDATE public.c_keys SET v = 'v18' WHERE k = '_u';

-- step 11: update data public.c_keys
UPDATE public.c_keys SET v = 'was null changed' WHERE k = 'e';

-- step 12: update data public.c_keys
UPDATE public.c_keys SET v = NULL WHERE k = 'z';

-- step 13: update data public.c_keys
UPDATE public.c_keys SET v = 'v7' WHERE k = 'Ä';

-- step 14: update data public.c_keys
UPDATE public.c_keys SET v = 'v12' WHERE k = 'Ω';

-- step 15: update data public.c_keys
UPDATE public.c_keys SET v = 'v13 changed' WHERE k = '日本';

-- step 16: insert data public.c_keys
INSERT INTO public.c_keys (k, v) VALUES
    ('9', 'v9 changed'),
    ('~t', 'v19'),
    ('é', 'v4'),
    ('😀', 'v14');

-- step 17: update data public.default_keys
UPDATE public.default_keys SET v = 'v8' WHERE k = '10';

-- step 18: update data public.default_keys
UPDATE public.default_keys SET v = NULL WHERE k = 'Ab';

-- step 19: update data public.default_keys
UPDATE public.default_keys SET v = 'v1 changed' WHERE k = 'B';

-- step 20: update data public.default_keys
UPDATE public.default_keys SET v = 'v2' WHERE k = 'Z';

-- step 21: update data public.default_keys
UPDATE public.default_keys SET v = 'v18' WHERE k = '_u';

-- step 22: update data public.default_keys
UPDATE public.default_keys SET v = 'was null changed' WHERE k = 'e';

-- step 23: update data public.default_keys
UPDATE public.default_keys SET v = NULL WHERE k = 'z';

-- step 24: update data public.default_keys
UPDATE public.default_keys SET v = 'v7' WHERE k = 'Ä';

-- step 25: update data public.default_keys
UPDATE public.default_keys SET v = 'v12' WHERE k = 'Ω';

-- step 26: update data public.default_keys
UPDATE public.default_keys SET v = 'v13 changed' WHERE k = '日本';

-- step 27: insert data public.default_keys
INSERT INTO public.default_keys (k, v) VALUES
    ('9', 'v9 changed'),
    ('~t', 'v19'),
    ('é', 'v4'),
    ('😀', 'v14');

-- step 28: update data public.icu_keys
UPDATE public.icu_keys SET v = 'v8' WHERE k = '10';

-- step 29: update data public.icu_keys
UPDATE public.icu_keys SET v = NULL WHERE k = 'Ab';

-- step 30: update data public.icu_keys
UPDATE public.icu_keys SET v = 'v1 changed' WHERE k = 'B';

-- step 31: update data public.icu_keys
UPDATE public.icu_keys SET v = 'v2' WHERE k = 'Z';

-- step 32: update data public.icu_keys
UPDATE public.icu_keys SET v = 'v18' WHERE k = '_u';

-- step 33: update data public.icu_keys
UPDATE public.icu_keys SET v = 'was null changed' WHERE k = 'e';

-- step 34: update data public.icu_keys
UPDATE public.icu_keys SET v = NULL WHERE k = 'z';

-- step 35: update data public.icu_keys
UPDATE public.icu_keys SET v = 'v7' WHERE k = 'Ä';

-- step 36: update data public.icu_keys
UPDATE public.icu_keys SET v = 'v12' WHERE k = 'Ω';

-- step 37: update data public.icu_keys
UPDATE public.icu_keys SET v = 'v13 changed' WHERE k = '日本';

-- step 38: insert data public.icu_keys
INSERT INTO public.icu_keys (k, v) VALUES
    ('9', 'v9 changed'),
    ('~t', 'v19'),
    ('é', 'v4'),
    ('😀', 'v14');

-- step 39: update data public.mixed_keys
UPDATE public.mixed_keys SET v = 'm0 changed' WHERE a = 'b' AND b = 2 AND c = '00000000-0000-0000-0000-000000000001' AND d = 'x';

-- step 40: update data public.uuid_keys
UPDATE public.uuid_keys SET v = 'v1 changed' WHERE k = '0a000000-0000-0000-0000-000000000000';

-- step 41: update data public.uuid_keys
UPDATE public.uuid_keys SET v = 'v2' WHERE k = 'a0000000-0000-0000-0000-000000000000';

-- step 42: insert data public.uuid_keys
INSERT INTO public.uuid_keys (k, v) VALUES
    ('9fffffff-ffff-ffff-ffff-ffffffffffff', NULL);

COMMIT;
