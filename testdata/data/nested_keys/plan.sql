-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: insert data public.addresses
INSERT INTO public.addresses (city_id, street) VALUES
    ((SELECT id FROM public.cities WHERE country_id = (SELECT id FROM public.countries WHERE code = 'fr') AND name = 'Paris'), 'Rue de Rivoli');

-- step 2: update data public.members
UPDATE public.members SET team_id = (SELECT id FROM public.teams WHERE tenant_id = (SELECT id FROM public.tenants WHERE slug = 'acme') AND code = 'ops') WHERE tenant_id = (SELECT id FROM public.tenants WHERE slug = 'acme') AND login = 'ann';

-- step 3: insert data public.members
INSERT INTO public.members (tenant_id, team_id, login) VALUES
    ((SELECT id FROM public.tenants WHERE slug = 'beta'), (SELECT id FROM public.teams WHERE tenant_id = (SELECT id FROM public.tenants WHERE slug = 'beta') AND code = 'ops'), 'bob');

-- step 4: update data public.shops
UPDATE public.shops SET address_id = (SELECT id FROM public.addresses WHERE city_id = (SELECT id FROM public.cities WHERE country_id = (SELECT id FROM public.countries WHERE code = 'de') AND name = 'Springfield') AND street = 'Main St') WHERE code = 's1';

-- step 5: insert data public.shops
INSERT INTO public.shops (code, address_id) VALUES
    ('s2', (SELECT id FROM public.addresses WHERE city_id = (SELECT id FROM public.cities WHERE country_id = (SELECT id FROM public.countries WHERE code = 'fr') AND name = 'Paris') AND street = 'Rue de Rivoli'));

COMMIT;
