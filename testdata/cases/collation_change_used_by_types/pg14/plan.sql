-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: rename collation public.sorted
-- hazard table_rewrite: Collation public.sorted is recreated: column public.people.plain, type public.name_d, type public.name_range, attribute public.person.first move to the new one, which rewrites their tables and rebuilds their indexes.
ALTER COLLATION public.sorted RENAME TO sorted__renovate_old;

-- step 2: rename type public.name_d
-- hazard cast_may_fail: Type public.name_d is recreated (ALTER DOMAIN cannot change the collation): public.people.n are converted to the new type through text, which rewrites their tables and fails if a value does not fit the new type.
ALTER TYPE public.name_d RENAME TO name_d__renovate_old;

-- step 3: rename type public.name_range
-- hazard cast_may_fail: Type public.name_range is recreated (a range type cannot be altered): public.people.r are converted to the new type through text, which rewrites their tables and fails if a value does not fit the new type.
ALTER TYPE public.name_range RENAME TO name_range__renovate_old;

-- step 4: rename type public.name_range
ALTER FUNCTION public.name_range(text, text) RENAME TO name_range__renovate_old;

-- step 5: rename type public.name_range
ALTER FUNCTION public.name_range(text, text, text) RENAME TO name_range__renovate_old;

-- step 6: rename type public.name_range
ALTER TYPE public.name_multirange RENAME TO name_multirange__renovate_old;

-- step 7: rename type public.name_range
ALTER FUNCTION public.name_multirange() RENAME TO name_multirange__renovate_old;

-- step 8: rename type public.person
-- hazard cast_may_fail: Type public.person is recreated (ALTER TYPE ... ALTER ATTRIBUTE ... TYPE is refused for a type columns use): public.people.p are converted to the new type through text, which rewrites their tables and fails if a value does not fit the new type.
ALTER TYPE public.person RENAME TO person__renovate_old;

-- step 9: create collation public.sorted
CREATE COLLATION public.sorted (provider = icu, locale = 'sv');

-- step 10: create type public.name_d
CREATE DOMAIN public.name_d AS text COLLATE public.sorted;

-- step 11: create type public.name_range
CREATE TYPE public.name_range AS RANGE (
    SUBTYPE = text,
    COLLATION = public.sorted
);

-- step 12: create type public.person
CREATE TYPE public.person AS (
    first text COLLATE public.sorted,
    last text
);

-- step 13: alter column public.people.n
-- hazard table_rewrite: Changing the type of public.people.n rewrites the table under an ACCESS EXCLUSIVE lock. (public.people: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.people while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.people: <size>)
ALTER TABLE public.people ALTER COLUMN n TYPE public.name_d USING n::public.name_d;

-- step 14: alter column public.people.p
-- hazard deletes_data: Changing public.people.p from public.person__renovate_old to public.person can lose data without an error: renovate cannot tell whether converting public.person__renovate_old to public.person keeps every value. (public.people: <size>)
-- hazard table_rewrite: Changing the type of public.people.p rewrites the table under an ACCESS EXCLUSIVE lock. (public.people: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.people while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.people: <size>)
ALTER TABLE public.people ALTER COLUMN p TYPE public.person USING p::text::public.person;

-- step 15: alter column public.people.r
-- hazard deletes_data: Changing public.people.r from public.name_range__renovate_old to public.name_range can lose data without an error: renovate cannot tell whether converting public.name_range__renovate_old to public.name_range keeps every value. (public.people: <size>)
-- hazard table_rewrite: Changing the type of public.people.r rewrites the table under an ACCESS EXCLUSIVE lock. (public.people: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.people while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.people: <size>)
ALTER TABLE public.people ALTER COLUMN r TYPE public.name_range USING r::text::public.name_range;

-- step 16: alter column public.people.plain
-- hazard table_rewrite: Changing the type of public.people.plain rewrites the table under an ACCESS EXCLUSIVE lock. (public.people: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.people while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.people: <size>)
ALTER TABLE public.people ALTER COLUMN plain TYPE text COLLATE public.sorted;

-- step 17: drop type public.person__renovate_old
DROP TYPE public.person__renovate_old;

-- step 18: drop type public.name_range__renovate_old
DROP TYPE public.name_range__renovate_old;

-- step 19: drop type public.name_d__renovate_old
DROP TYPE public.name_d__renovate_old;

-- step 20: drop collation public.sorted__renovate_old
DROP COLLATION public.sorted__renovate_old;

COMMIT;
