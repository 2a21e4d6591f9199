-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop rule public.item_log.log_update
DROP RULE log_update ON public.item_log;

-- step 2: drop rule public.items.log_insert
DROP RULE log_insert ON public.items;

-- step 3: alter column public.item_log.id
-- hazard table_rewrite: Changing the type of public.item_log.id rewrites the table under an ACCESS EXCLUSIVE lock. (public.item_log: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.item_log while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.item_log: <size>)
ALTER TABLE public.item_log ALTER COLUMN id TYPE bigint USING id::bigint;

-- step 4: alter column public.items.id
-- hazard table_rewrite: Changing the type of public.items.id rewrites the table under an ACCESS EXCLUSIVE lock. (public.items: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.items while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.items: <size>)
ALTER TABLE public.items ALTER COLUMN id TYPE bigint USING id::bigint;

-- step 5: alter column public.items.name
ALTER TABLE public.items ALTER COLUMN name TYPE text USING name::text;

-- step 6: create rule public.item_log.log_update
CREATE RULE log_update AS ON UPDATE TO public.item_log DO NOTIFY item_log;

-- step 7: create rule public.items.log_insert
CREATE RULE log_insert AS ON INSERT TO public.items DO INSERT INTO public.item_log (id, name) VALUES (new.id, new.name);

COMMIT;
