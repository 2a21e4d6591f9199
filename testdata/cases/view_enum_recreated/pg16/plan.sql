-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: rename type public.mood
-- hazard deletes_data: Enum public.mood loses the values 'ok': public.people.mood are converted to the recreated type through text; a row holding a removed value makes the conversion fail (and the apply with it), so change or delete those rows first.
ALTER TYPE public.mood RENAME TO mood__renovate_old;

-- step 2: drop view public.moods
DROP VIEW public.moods;

-- step 3: drop view public.happy_people
DROP VIEW public.happy_people;

-- step 4: create type public.mood
CREATE TYPE public.mood AS ENUM (
    'sad',
    'happy'
);

-- step 5: alter column public.people.mood
-- hazard cast_may_fail: Changing public.people.mood from public.mood__renovate_old to public.mood converts every value: values that are not labels of public.mood make the conversion fail (and the apply with it; nothing is changed). (public.people: <size>)
-- hazard table_rewrite: Changing the type of public.people.mood rewrites the table under an ACCESS EXCLUSIVE lock. (public.people: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.people while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.people: <size>)
ALTER TABLE public.people ALTER COLUMN mood TYPE public.mood USING mood::text::public.mood;

-- step 6: create view public.happy_people
CREATE VIEW public.happy_people AS
SELECT id FROM public.people WHERE mood = 'happy'::public.mood;

-- step 7: create view public.moods
CREATE VIEW public.moods AS
SELECT id, mood FROM public.people;

-- step 8: drop type public.mood__renovate_old
DROP TYPE public.mood__renovate_old;

COMMIT;
