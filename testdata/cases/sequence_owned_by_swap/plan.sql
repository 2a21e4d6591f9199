-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter column public.a.id
ALTER TABLE public.a ALTER COLUMN id DROP DEFAULT;

-- step 2: alter column public.a.id
ALTER TABLE public.a ALTER COLUMN id SET DEFAULT nextval('public.s2'::regclass);

-- step 3: alter column public.b.id
ALTER TABLE public.b ALTER COLUMN id DROP DEFAULT;

-- step 4: alter column public.b.id
ALTER TABLE public.b ALTER COLUMN id SET DEFAULT nextval('public.s1'::regclass);

-- step 5: alter sequence public.s1
ALTER SEQUENCE public.s1 OWNED BY public.b.id;

-- step 6: alter sequence public.s2
ALTER SEQUENCE public.s2 OWNED BY public.a.id;

COMMIT;
