-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop view public.all_things_again
DROP VIEW public.all_things_again;

-- step 2: drop view public.all_things
DROP VIEW public.all_things;

-- step 3: create column public.things.color
ALTER TABLE public.things ADD COLUMN color text;

-- step 4: create view public.all_things
CREATE VIEW public.all_things AS
SELECT * FROM public.things;

-- step 5: create view public.all_things_again
CREATE VIEW public.all_things_again AS
SELECT t.* FROM public.all_things t;

COMMIT;
