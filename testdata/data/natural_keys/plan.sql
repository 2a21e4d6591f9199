-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: delete data public.cities
-- hazard deletes_data: deletes rows of data table public.cities that are not in its data file (1 in all)
DELETE FROM public.cities WHERE country_id = (SELECT id FROM public.countries WHERE code = 'it') AND name = 'Rome';

-- step 2: delete data public.countries
-- hazard deletes_data: deletes rows of data table public.countries that are not in its data file (1 in all)
DELETE FROM public.countries WHERE code = 'it';

-- step 3: update data public.countries
UPDATE public.countries SET name = 'Deutschland' WHERE code = 'de';

-- step 4: insert data public.countries
INSERT INTO public.countries (code, name) VALUES
    ('at', 'Austria');

-- step 5: update data public.cities
UPDATE public.cities SET population = 3600000 WHERE country_id = (SELECT id FROM public.countries WHERE code = 'de') AND name = 'Berlin';

-- step 6: insert data public.cities
INSERT INTO public.cities (country_id, name, population) VALUES
    ((SELECT id FROM public.countries WHERE code = 'at'), 'Wien', 1900000),
    ((SELECT id FROM public.countries WHERE code = 'de'), 'Hamburg', 1800000);

COMMIT;
