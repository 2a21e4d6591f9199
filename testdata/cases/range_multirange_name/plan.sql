-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: rename type public.intr
-- hazard cast_may_fail: Type public.intr is recreated (a range type cannot be altered): public.slots.taken are converted to the new type through text, which rewrites their tables and fails if a value does not fit the new type.
ALTER TYPE public.intr RENAME TO intr__renovate_old;

-- step 2: rename type public.intr
ALTER FUNCTION public.intr(integer, integer) RENAME TO intr__renovate_old;

-- step 3: rename type public.intr
ALTER FUNCTION public.intr(integer, integer, text) RENAME TO intr__renovate_old;

-- step 4: rename type public.intr
ALTER TYPE public.int_ranges RENAME TO int_ranges__renovate_old;

-- step 5: rename type public.intr
ALTER FUNCTION public.int_ranges() RENAME TO int_ranges__renovate_old;

-- step 6: create type public.Short Range
CREATE TYPE public."Short Range" AS RANGE (
    SUBTYPE = smallint
);

-- step 7: create type public.intr
CREATE TYPE public.intr AS RANGE (
    SUBTYPE = integer,
    MULTIRANGE_TYPE_NAME = other."Int Ranges"
);

-- step 8: alter column public.slots.taken
-- hazard deletes_data: Changing public.slots.taken from public.intr__renovate_old to public.intr can lose data without an error: renovate cannot tell whether converting public.intr__renovate_old to public.intr keeps every value. (public.slots: <size>)
-- hazard table_rewrite: Changing the type of public.slots.taken rewrites the table under an ACCESS EXCLUSIVE lock. (public.slots: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.slots while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.slots: <size>)
ALTER TABLE public.slots ALTER COLUMN taken TYPE public.intr USING taken::text::public.intr;

-- step 9: drop type public.intr__renovate_old
DROP TYPE public.intr__renovate_old;

COMMIT;
