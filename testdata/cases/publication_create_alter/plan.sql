-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop publication Pub Everything
DROP PUBLICATION "Pub Everything";

-- step 2: alter publication pub_app
ALTER PUBLICATION pub_app DROP TABLE ONLY public.orders;

-- step 3: drop publication pub_gone
DROP PUBLICATION pub_gone;

-- step 4: create table public.New Table
CREATE TABLE public."New Table" (
    id integer
);

-- step 5: create publication Pub Everything
CREATE PUBLICATION "Pub Everything" FOR ALL TABLES;

-- step 6: alter publication pub_all
ALTER PUBLICATION pub_all SET (publish = 'insert, update, delete, truncate', publish_via_partition_root = true);

-- step 7: alter publication pub_app
ALTER PUBLICATION pub_app ADD TABLE ONLY public."New Table";

-- step 8: alter publication pub_app
ALTER PUBLICATION pub_app ADD TABLE ONLY public.base;

-- step 9: alter publication pub_app
ALTER PUBLICATION pub_app ADD TABLE ONLY public.base_child;

-- step 10: alter publication pub_app
ALTER PUBLICATION pub_app SET (publish = 'insert, update', publish_via_partition_root = false);

-- step 11: create publication pub_new
CREATE PUBLICATION pub_new FOR TABLE ONLY public.base WITH (publish = 'delete');

-- step 12: alter publication pub_new
COMMENT ON PUBLICATION pub_new IS 'deletes of base only';

COMMIT;
