-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter column public.Mixed.Col A
-- hazard table_rewrite: Changing the type of public.Mixed.Col A rewrites the table under an ACCESS EXCLUSIVE lock. (public.Mixed: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.Mixed while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.Mixed: <size>)
ALTER TABLE public."Mixed" ALTER COLUMN "Col A" TYPE bigint USING "Col A"::bigint;

-- step 2: alter column public.Mixed.Col A
ALTER TABLE public."Mixed" ALTER COLUMN "Col A" SET DEFAULT 1;

-- step 3: alter column public.Mixed.Col A
-- hazard validation_scan: SET NOT NULL scans public.Mixed under an ACCESS EXCLUSIVE lock and fails if a row holds NULL. (public.Mixed: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.Mixed while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.Mixed: <size>)
ALTER TABLE public."Mixed" ALTER COLUMN "Col A" SET NOT NULL;

-- step 4: create column public.Mixed.New Col
ALTER TABLE public."Mixed" ADD COLUMN "New Col" text;

-- step 5: create column public.Mixed.é
ALTER TABLE public."Mixed" ADD COLUMN "é" integer;

-- step 6: create constraint public.Mixed.Mixed_New Col_key
-- hazard index_build: Adding Mixed_New Col_key builds an index on public.Mixed, blocking writes, and fails on duplicate rows. (public.Mixed: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.Mixed while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.Mixed: <size>)
ALTER TABLE public."Mixed" ADD CONSTRAINT "Mixed_New Col_key" UNIQUE ("New Col");

-- step 7: create index public.Mixed.Idx On "From"
-- hazard index_build: Building index Idx On "From" blocks writes to public.Mixed until it finishes. (public.Mixed: <size>)
CREATE INDEX "Idx On ""From""" ON public."Mixed" USING btree ("from");

COMMIT;
