-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: rename type public.Priority
-- hazard cast_may_fail: Type public.Priority is recreated (enum values are removed or reordered): public.tasks.prio are converted to the new type through text, which rewrites their tables and fails if a value does not fit the new type.
ALTER TYPE public."Priority" RENAME TO "Priority__renovate_old";

-- step 2: create type public.Priority
CREATE TYPE public."Priority" AS ENUM (
    'low',
    'medium',
    'high'
);

-- step 3: alter type public.Priority
REVOKE USAGE ON TYPE public."Priority" FROM PUBLIC;

-- step 4: alter column public.tasks.prio
ALTER TABLE public.tasks ALTER COLUMN prio DROP DEFAULT;

-- step 5: alter column public.tasks.prio
-- hazard cast_may_fail: Changing public.tasks.prio from public."Priority__renovate_old" to public."Priority" converts every value: values that are not labels of public."Priority" make the conversion fail (and the apply with it; nothing is changed). (public.tasks: <size>)
-- hazard table_rewrite: Changing the type of public.tasks.prio rewrites the table under an ACCESS EXCLUSIVE lock. (public.tasks: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.tasks while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.tasks: <size>)
ALTER TABLE public.tasks ALTER COLUMN prio TYPE public."Priority" USING prio::text::public."Priority";

-- step 6: alter column public.tasks.prio
ALTER TABLE public.tasks ALTER COLUMN prio SET DEFAULT 'medium'::public."Priority";

-- step 7: drop type public.Priority__renovate_old
DROP TYPE public."Priority__renovate_old";

COMMIT;
