-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: delete data public.children
-- hazard deletes_data: deletes rows of data table public.children that are not in its data file (1 in all)
DELETE FROM public.children WHERE tenant_id = 2 AND name = 'stale';

-- step 2: delete data public.parents
-- hazard deletes_data: deletes rows of data table public.parents that are not in its data file (1 in all)
DELETE FROM public.parents WHERE tenant_id = 2 AND code = 'old';

-- step 3: insert data public.parents
INSERT INTO public.parents (tenant_id, code, name) VALUES
    (2, 'b', 'two b');

-- step 4: update data public.children
UPDATE public.children SET parent_id = (SELECT id FROM public.parents WHERE tenant_id = 1 AND code = 'a') WHERE tenant_id = 1 AND name = 'x';

-- step 5: insert data public.children
INSERT INTO public.children (tenant_id, parent_id, name) VALUES
    (1, NULL, 'w'),
    (1, (SELECT id FROM public.parents WHERE tenant_id = 1 AND code = 'b'), 'y'),
    (2, (SELECT id FROM public.parents WHERE tenant_id = 2 AND code = 'b'), 'v');

COMMIT;
