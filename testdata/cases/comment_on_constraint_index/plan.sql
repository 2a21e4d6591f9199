-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop constraint public.r.r_key
ALTER TABLE public.r DROP CONSTRAINT r_key;

-- step 2: create table public.n
CREATE TABLE public.n (
    id integer NOT NULL,
    CONSTRAINT n_pk PRIMARY KEY (id)
);

-- step 3: create constraint public.r.r_key
-- hazard index_build: Adding r_key builds an index on public.r, blocking writes, and fails on duplicate rows. (public.r: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.r while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.r: <size>)
ALTER TABLE public.r ADD CONSTRAINT r_key UNIQUE (a, b);

-- step 4: alter index public.n.n_pk
COMMENT ON INDEX public.n_pk IS 'new table''s key';

-- step 5: alter index public.r.r_key
COMMENT ON INDEX public.r_key IS 'kept across the recreation';

-- step 6: alter index public.t.t_code_key
COMMENT ON INDEX public.t_code_key IS 'the index''s own';

-- step 7: alter index public.t.t_other_key
COMMENT ON INDEX public.t_other_key IS NULL;

-- step 8: alter index public.t.t_pkey
COMMENT ON INDEX public.t_pkey IS 'new comment';

COMMIT;
