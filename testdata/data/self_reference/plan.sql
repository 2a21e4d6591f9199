-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: insert data public.categories
INSERT INTO public.categories (code, name, parent_id) VALUES
    ('a-leaf', 'Leaf', NULL),
    ('m-mid', 'Middle', NULL),
    ('z-root', 'Root', NULL);

-- step 2: update data public.categories
UPDATE public.categories SET parent_id = (SELECT id FROM public.categories WHERE code = 'm-mid') WHERE code = 'b-child';

-- step 3: update data public.categories
UPDATE public.categories SET parent_id = (SELECT id FROM public.categories WHERE code = 'm-mid') WHERE code = 'a-leaf';

-- step 4: update data public.categories
UPDATE public.categories SET parent_id = (SELECT id FROM public.categories WHERE code = 'z-root') WHERE code = 'm-mid';

-- step 5: delete data public.categories
-- hazard deletes_data: deletes rows of data table public.categories that are not in its data file (1 in all)
DELETE FROM public.categories WHERE code = 'z-old';

COMMIT;
