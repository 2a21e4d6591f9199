-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter publication pub_f
ALTER PUBLICATION pub_f DROP TABLE ONLY public.events;

-- step 2: alter publication pub_f
ALTER PUBLICATION pub_f DROP TABLE ONLY sales.deals;

-- step 3: alter publication pub_s
ALTER PUBLICATION pub_s DROP TABLES IN SCHEMA sales;

-- step 4: alter publication pub_f
ALTER PUBLICATION pub_f ADD TABLE ONLY public.events WHERE (kind = 'important'::text);

-- step 5: alter publication pub_f
ALTER PUBLICATION pub_f ADD TABLE ONLY public.measurements;

-- step 6: alter publication pub_f
ALTER PUBLICATION pub_f ADD TABLE ONLY sales.deals (id, amount, region) WHERE (amount > 500::numeric);

-- step 7: alter publication pub_f
ALTER PUBLICATION pub_f SET (publish = 'insert, update, delete, truncate', publish_via_partition_root = true);

-- step 8: alter publication pub_s
ALTER PUBLICATION pub_s ADD TABLE ONLY public.events;

-- step 9: alter publication pub_s
ALTER PUBLICATION pub_s ADD TABLES IN SCHEMA hr;

COMMIT;
