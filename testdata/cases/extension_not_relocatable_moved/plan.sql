-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop extension xml2
-- hazard deletes_data: Extension xml2 is not relocatable (PostgreSQL refuses ALTER EXTENSION ... SET SCHEMA), so it is dropped and created again in schema other: its objects are dropped with any data, privileges and settings they hold, and the drop fails if an object the plan keeps depends on them.
DROP EXTENSION xml2;

-- step 2: create extension xml2
CREATE EXTENSION xml2 WITH SCHEMA other;

COMMIT;
