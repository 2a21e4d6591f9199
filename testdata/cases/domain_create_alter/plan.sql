-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter type public.Short Text
ALTER DOMAIN public."Short Text" DROP NOT NULL;

-- step 2: drop type public.Short Text
ALTER DOMAIN public."Short Text" DROP CONSTRAINT "not empty";

-- step 3: drop type public.Short Text
ALTER DOMAIN public."Short Text" DROP CONSTRAINT no_spaces;

-- step 4: create type public.Short Text
ALTER DOMAIN public."Short Text" ADD CONSTRAINT "no tabs" CHECK (value::text !~~ '%	%'::text) NOT VALID;

-- step 5: create type public.Short Text
-- hazard validation_scan: Adding not empty checks every column of domain public.Short Text and fails if a value violates it.
ALTER DOMAIN public."Short Text" ADD CONSTRAINT "not empty" CHECK (length(value::text) > 0);

-- step 6: alter type public.positive
ALTER DOMAIN public.positive SET DEFAULT 10;

-- step 7: alter type public.positive
-- hazard validation_scan: SET NOT NULL on domain public.positive checks every column of the domain and fails if one holds NULL.
ALTER DOMAIN public.positive SET NOT NULL;

-- step 8: create type public.positive
-- hazard validation_scan: Adding small checks every column of domain public.positive and fails if a value violates it.
ALTER DOMAIN public.positive ADD CONSTRAINT small CHECK (value < 1000000);

-- step 9: create type public.created
CREATE DOMAIN public.created AS numeric(10,2) DEFAULT 0
    CONSTRAINT created_check CHECK (value >= 0);

-- step 10: alter type public.positive
COMMENT ON CONSTRAINT small ON DOMAIN public.positive IS 'a sanity bound';

-- step 11: alter type public.positive
COMMENT ON DOMAIN public.positive IS 'strictly positive, under a million';

-- step 12: drop type public.gone
DROP TYPE public.gone;

COMMIT;
