-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create column public.o.status
ALTER TABLE public.o ADD COLUMN status public.st DEFAULT 'new' NOT NULL;

-- step 2: create column public.o.price
ALTER TABLE public.o ADD COLUMN price numeric(10,2) DEFAULT 0;

-- step 3: create column public.o.label
ALTER TABLE public.o ADD COLUMN label character varying(20) DEFAULT 'x';

-- step 4: create column public.o.created
ALTER TABLE public.o ADD COLUMN created timestamp(3) with time zone DEFAULT current_timestamp;

-- step 5: create column public.o.day
ALTER TABLE public.o ADD COLUMN day date DEFAULT current_date;

-- step 6: create column public.o.tags
ALTER TABLE public.o ADD COLUMN tags text[] DEFAULT '{}';

-- step 7: create column public.o.data
ALTER TABLE public.o ADD COLUMN data jsonb DEFAULT '{}'::jsonb;

-- step 8: create column public.o.ratio
ALTER TABLE public.o ADD COLUMN ratio double precision DEFAULT 0.5;

-- step 9: create column public.o.flag
ALTER TABLE public.o ADD COLUMN flag boolean DEFAULT false;

-- step 10: create column public.o.uid
ALTER TABLE public.o ADD COLUMN uid uuid;

-- step 11: create constraint public.o.o_check
-- hazard validation_scan: Adding o_check scans public.o and fails if an existing row violates it. (public.o: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.o while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.o: <size>)
ALTER TABLE public.o ADD CONSTRAINT o_check CHECK (status <> 'paid' OR price > 0);

-- step 12: create constraint public.o.o_price_check
-- hazard validation_scan: Adding o_price_check scans public.o and fails if an existing row violates it. (public.o: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.o while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.o: <size>)
ALTER TABLE public.o ADD CONSTRAINT o_price_check CHECK (price >= 0);

COMMIT;
