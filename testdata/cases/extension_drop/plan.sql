-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter column public.accounts.login
-- hazard table_rewrite: Changing the type of public.accounts.login rewrites the table under an ACCESS EXCLUSIVE lock. (public.accounts: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.accounts while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.accounts: <size>)
ALTER TABLE public.accounts ALTER COLUMN login TYPE text USING login::text::text;

-- step 2: drop extension citext
-- hazard deletes_data: Dropping extension citext removes its objects and any data stored in them.
DROP EXTENSION citext;

COMMIT;
