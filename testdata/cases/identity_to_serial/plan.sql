-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter sequence public.t_id_seq
ALTER SEQUENCE public.t_id_seq RENAME TO t_id_seq_renovate_old;

-- step 2: create sequence public.t_id_seq
CREATE SEQUENCE public.t_id_seq AS bigint;

-- step 3: alter sequence public.t_id_seq
SELECT pg_catalog.setval('public.t_id_seq', GREATEST(last_value, 1), is_called AND last_value >= 1) FROM public.t_id_seq_renovate_old;

-- step 4: alter column public.t.id
ALTER TABLE public.t ALTER COLUMN id DROP IDENTITY;

-- step 5: alter column public.t.id
ALTER TABLE public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);

-- step 6: alter sequence public.t_id_seq
ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;

COMMIT;
