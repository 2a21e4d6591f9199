-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter type public.Point 2D
ALTER TYPE public."Point 2D" ADD ATTRIBUTE "Z" double precision;

-- step 2: alter type public.address
-- hazard deletes_data: Dropping attribute zip of public.address deletes its values in public.people.home.
ALTER TYPE public.address DROP ATTRIBUTE zip;

-- step 3: alter type public.address
ALTER TYPE public.address ADD ATTRIBUTE country text;

-- step 4: alter type public.unused
ALTER TYPE public.unused ALTER ATTRIBUTE a TYPE bigint;

-- step 5: alter type public.unused
ALTER TYPE public.unused ALTER ATTRIBUTE b TYPE text COLLATE "C";

-- step 6: create type public.created
CREATE TYPE public.created AS (
    id integer,
    tags text[]
);

-- step 7: alter type public.address
COMMENT ON TYPE public.address IS 'postal address, international';

-- step 8: alter type public.address
COMMENT ON COLUMN public.address.country IS 'ISO 3166 code';

-- step 9: drop type public.gone
DROP TYPE public.gone;

COMMIT;
