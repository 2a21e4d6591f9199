-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.d
CREATE TABLE public.d (
    id integer
);

-- step 2: alter table public.a
ALTER TABLE public.a ENABLE ROW LEVEL SECURITY;

-- step 3: alter table public.a
ALTER TABLE public.a FORCE ROW LEVEL SECURITY;

-- step 4: alter table public.b
-- hazard security: Disables row level security on public.b: every role with a privilege on the table sees and changes every row, whatever its policies say.
ALTER TABLE public.b DISABLE ROW LEVEL SECURITY;

-- step 5: alter table public.c
-- hazard security: Disables row level security on public.c: every role with a privilege on the table sees and changes every row, whatever its policies say.
ALTER TABLE public.c DISABLE ROW LEVEL SECURITY;

-- step 6: alter table public.c
-- hazard security: Stops forcing row level security on public.c: the table's owner is no longer subject to its policies.
ALTER TABLE public.c NO FORCE ROW LEVEL SECURITY;

-- step 7: alter table public.d
ALTER TABLE public.d FORCE ROW LEVEL SECURITY;

COMMIT;
