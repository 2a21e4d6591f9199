-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.m_2
CREATE TABLE public.m_2 PARTITION OF public.m FOR VALUES IN (2);

-- step 2: alter column public.inh_parent.b
-- hazard validation_scan: SET NOT NULL scans public.inh_parent under an ACCESS EXCLUSIVE lock and fails if a row holds NULL. (public.inh_parent: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.inh_parent while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.inh_parent: <size>)
ALTER TABLE public.inh_parent ALTER COLUMN b SET NOT NULL;

-- step 3: alter column public.m.a
-- hazard validation_scan: SET NOT NULL scans public.m under an ACCESS EXCLUSIVE lock and fails if a row holds NULL. (public.m: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.m while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.m: <size>)
ALTER TABLE public.m ALTER COLUMN a SET NOT NULL;

-- step 4: alter column public.m.b
-- hazard validation_scan: SET NOT NULL scans public.m under an ACCESS EXCLUSIVE lock and fails if a row holds NULL. (public.m: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.m while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.m: <size>)
ALTER TABLE public.m ALTER COLUMN b SET NOT NULL;

-- step 5: alter column public.m.c
-- hazard validation_scan: SET NOT NULL scans public.m under an ACCESS EXCLUSIVE lock and fails if a row holds NULL. (public.m: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.m while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.m: <size>)
ALTER TABLE public.m ALTER COLUMN c SET NOT NULL;

-- step 6: create constraint public.m.m_pkey
-- hazard index_build: Adding m_pkey builds an index on public.m, blocking writes, and fails on duplicate rows. (public.m: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.m while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.m: <size>)
ALTER TABLE public.m ADD CONSTRAINT m_pkey PRIMARY KEY (a, c);

COMMIT;
