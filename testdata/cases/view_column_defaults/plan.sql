-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop view public.w
DROP VIEW public.w;

-- step 2: alter column public.v.id
ALTER VIEW public.v ALTER COLUMN id SET DEFAULT 0;

-- step 3: alter column public.v.name
ALTER VIEW public.v ALTER COLUMN name SET DEFAULT 'new'::text;

-- step 4: alter column public.v.note
ALTER VIEW public.v ALTER COLUMN note SET DEFAULT NULL::varchar(20);

-- step 5: alter column public.v.qty
ALTER VIEW public.v ALTER COLUMN qty DROP DEFAULT;

-- step 6: create view public.w
CREATE VIEW public.w AS
SELECT name FROM public.t;

-- step 7: alter column public.w.name
ALTER VIEW public.w ALTER COLUMN name SET DEFAULT 'w'::text;

-- step 8: create view public.x
CREATE VIEW public.x AS
SELECT id FROM public.t;

-- step 9: alter column public.x.id
ALTER VIEW public.x ALTER COLUMN id SET DEFAULT 42;

COMMIT;
