-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter column public.p.v
ALTER TABLE ONLY public.p ALTER COLUMN v SET STATISTICS 60;

-- step 2: alter column public.k.v
ALTER TABLE ONLY public.k ALTER COLUMN v SET STATISTICS 70;

-- step 3: alter column public.t.id
ALTER TABLE ONLY public.t ALTER COLUMN id SET STATISTICS 0;

-- step 4: alter column public.t.b
ALTER TABLE ONLY public.t ALTER COLUMN b SET STATISTICS -1;

-- step 5: alter column public.t.c
ALTER TABLE ONLY public.t ALTER COLUMN c RESET (n_distinct_inherited);

-- step 6: alter column public.t.c
ALTER TABLE ONLY public.t ALTER COLUMN c SET (n_distinct='100');

-- step 7: alter column public.t.e
ALTER TABLE ONLY public.t ALTER COLUMN e SET (n_distinct_inherited='-1', n_distinct='3');

-- step 8: alter column public.t.f
ALTER TABLE ONLY public.t ALTER COLUMN f RESET (n_distinct);

-- step 9: create column public.t.g
ALTER TABLE public.t ADD COLUMN g text;

-- step 10: alter column public.t.g
ALTER TABLE ONLY public.t ALTER COLUMN g SET STATISTICS 1000;

COMMIT;
