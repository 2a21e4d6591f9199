-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop statistics public.orders_note
DROP STATISTICS public.orders_note;

-- step 2: drop statistics public.orders_geo
DROP STATISTICS public.orders_geo;

-- step 3: drop column public.orders.note
-- hazard deletes_data: Dropping column public.orders.note deletes its values. (public.orders: <size>)
ALTER TABLE public.orders DROP COLUMN note;

-- step 4: alter statistics public.orders_city_zip
ALTER STATISTICS public.orders_city_zip SET STATISTICS 1000;

-- step 5: create statistics public.orders_country
CREATE STATISTICS public.orders_country ON city, country FROM public.orders;

-- step 6: create statistics public.orders_geo
CREATE STATISTICS public.orders_geo (ndistinct, mcv) ON city, zip, country FROM public.orders;

-- step 7: alter statistics public.orders_city_zip
COMMENT ON STATISTICS public.orders_city_zip IS 'cities and their zip codes';

COMMIT;
