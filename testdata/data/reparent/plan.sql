-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: insert data public.regions
INSERT INTO public.regions (code) VALUES
    ('north');

-- step 2: update data public.stores
UPDATE public.stores SET region_id = (SELECT id FROM public.regions WHERE code = 'north') WHERE name = 'harbour';

-- step 3: delete data public.regions
-- hazard deletes_data: deletes rows of data table public.regions that are not in its data file (1 in all)
DELETE FROM public.regions WHERE code = 'east';

COMMIT;
