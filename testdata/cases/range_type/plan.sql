-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: rename type public.floatrange
-- hazard cast_may_fail: Type public.floatrange is recreated (a range type cannot be altered): public.readings.span are converted to the new type through text, which rewrites their tables and fails if a value does not fit the new type.
ALTER TYPE public.floatrange RENAME TO floatrange__renovate_old;

-- step 2: rename type public.floatrange
ALTER FUNCTION public.floatrange(double precision, double precision) RENAME TO floatrange__renovate_old;

-- step 3: rename type public.floatrange
ALTER FUNCTION public.floatrange(double precision, double precision, text) RENAME TO floatrange__renovate_old;

-- step 4: create type public.Time Span
CREATE TYPE public."Time Span" AS RANGE (
    SUBTYPE = timestamp with time zone
);

-- step 5: create type public.floatrange
CREATE TYPE public.floatrange AS RANGE (
    SUBTYPE = double precision,
    SUBTYPE_DIFF = float8mi
);

-- step 6: create type public.textrange
CREATE TYPE public.textrange AS RANGE (
    SUBTYPE = text,
    COLLATION = "C"
);

-- step 7: alter type public.floatrange
COMMENT ON TYPE public.floatrange IS 'ranges of doubles';

-- step 8: alter column public.readings.span
-- hazard deletes_data: Changing public.readings.span from public.floatrange__renovate_old to public.floatrange can lose data without an error: renovate cannot tell whether converting public.floatrange__renovate_old to public.floatrange keeps every value. (public.readings: <size>)
-- hazard table_rewrite: Changing the type of public.readings.span rewrites the table under an ACCESS EXCLUSIVE lock. (public.readings: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.readings while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.readings: <size>)
ALTER TABLE public.readings ALTER COLUMN span TYPE public.floatrange USING span::text::public.floatrange;

-- step 9: create column public.readings.names
ALTER TABLE public.readings ADD COLUMN names public.textrange;

-- step 10: drop type public.gone_range
DROP TYPE public.gone_range;

-- step 11: drop type public.floatrange__renovate_old
DROP TYPE public.floatrange__renovate_old;

COMMIT;
