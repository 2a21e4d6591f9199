-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: delete data public.settings
-- hazard deletes_data: deletes rows of data table public.settings that are not in its data file (1 in all)
DELETE FROM public.settings WHERE key = 'old';

-- step 2: update data public.settings
UPDATE public.settings SET value = 'light' WHERE key = 'theme';

-- step 3: insert data public.settings
INSERT INTO public.settings (key, value, builtin) VALUES
    ('lang', 'en', true);

COMMIT;
