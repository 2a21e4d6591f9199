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
ALTER TYPE public.mood RENAME TO mood__renovate_old;

-- step 2: rename type public.price
-- hazard cast_may_fail: Type public.price is recreated (ALTER DOMAIN cannot change the base type): public.items.price, public.items.prices are converted to the new type through text, which rewrites their tables and fails if a value does not fit the new type.
ALTER TYPE public.price RENAME TO price__renovate_old;

-- step 3: create type public.mood
CREATE TYPE public.mood AS ENUM (
    'ok',
    'happy'
);

-- step 4: rename type public.good_mood
-- hazard cast_may_fail: Type public.good_mood is recreated (ALTER DOMAIN cannot change the base type): public.items.feeling are converted to the new type through text, which rewrites their tables and fails if a value does not fit the new type.
ALTER TYPE public.good_mood RENAME TO good_mood__renovate_old;

-- step 5: create type public.good_mood
CREATE DOMAIN public.good_mood AS public.mood;

-- step 6: create type public.price
CREATE DOMAIN public.price AS numeric(12,2)
    CONSTRAINT price_check CHECK (value >= 0);

-- step 7: alter column public.items.price
ALTER TABLE public.items ALTER COLUMN price DROP DEFAULT;

-- step 8: alter column public.items.price
-- hazard cast_may_fail: Changing public.items.price from public.price__renovate_old to public.price converts every value: values that violate the constraints of domain public.price make the conversion fail (and the apply with it; nothing is changed). (public.items: <size>)
-- hazard table_rewrite: Changing the type of public.items.price rewrites the table under an ACCESS EXCLUSIVE lock. (public.items: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.items while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.items: <size>)
ALTER TABLE public.items ALTER COLUMN price TYPE public.price USING price::public.price;

-- step 9: alter column public.items.price
ALTER TABLE public.items ALTER COLUMN price SET DEFAULT 0;

-- step 10: alter column public.items.prices
-- hazard cast_may_fail: Changing public.items.prices from public.price__renovate_old[] to public.price[] converts every value: for each element: values that violate the constraints of domain public.price make the conversion fail (and the apply with it; nothing is changed). (public.items: <size>)
-- hazard table_rewrite: Changing the type of public.items.prices rewrites the table under an ACCESS EXCLUSIVE lock. (public.items: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.items while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.items: <size>)
ALTER TABLE public.items ALTER COLUMN prices TYPE public.price[] USING prices::public.price[];

-- step 11: alter column public.items.feeling
ALTER TABLE public.items ALTER COLUMN feeling DROP DEFAULT;

-- step 12: alter column public.items.feeling
-- hazard cast_may_fail: Changing public.items.feeling from public.good_mood__renovate_old to public.good_mood converts every value: values that are not labels of public.mood make the conversion fail (and the apply with it; nothing is changed). (public.items: <size>)
-- hazard table_rewrite: Changing the type of public.items.feeling rewrites the table under an ACCESS EXCLUSIVE lock. (public.items: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.items while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.items: <size>)
ALTER TABLE public.items ALTER COLUMN feeling TYPE public.good_mood USING feeling::text::public.good_mood;

-- step 13: alter column public.items.feeling
ALTER TABLE public.items ALTER COLUMN feeling SET DEFAULT 'ok'::public.mood;

-- step 14: drop type public.price__renovate_old
DROP TYPE public.price__renovate_old;

-- step 15: drop type public.good_mood__renovate_old
DROP TYPE public.good_mood__renovate_old;

-- step 16: drop type public.mood__renovate_old
DROP TYPE public.mood__renovate_old;

COMMIT;
