-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: rename type public.status
-- hazard deletes_data: Enum public.status loses the values 'legacy': public.tickets.status, public.tickets.history are converted to the recreated type through text; a row holding a removed value makes the conversion fail (and the apply with it), so change or delete those rows first.
ALTER TYPE public.status RENAME TO status__renovate_old;

-- step 2: drop constraint public.tickets.not_legacy
ALTER TABLE public.tickets DROP CONSTRAINT not_legacy;

-- step 3: drop index public.tickets.tickets_open
DROP INDEX public.tickets_open;

-- step 4: create type public.status
CREATE TYPE public.status AS ENUM (
    'new',
    'open',
    'closed'
);

-- step 5: alter type public.status
COMMENT ON TYPE public.status IS 'ticket status';

-- step 6: alter column public.tickets.status
ALTER TABLE public.tickets ALTER COLUMN status DROP DEFAULT;

-- step 7: alter column public.tickets.status
-- hazard cast_may_fail: Changing public.tickets.status from public.status__renovate_old to public.status converts every value: values that are not labels of public.status make the conversion fail (and the apply with it; nothing is changed). (public.tickets: <size>)
-- hazard table_rewrite: Changing the type of public.tickets.status rewrites the table under an ACCESS EXCLUSIVE lock. (public.tickets: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.tickets while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.tickets: <size>)
ALTER TABLE public.tickets ALTER COLUMN status TYPE public.status USING status::text::public.status;

-- step 8: alter column public.tickets.status
ALTER TABLE public.tickets ALTER COLUMN status SET DEFAULT 'new'::public.status;

-- step 9: alter column public.tickets.history
-- hazard cast_may_fail: Changing public.tickets.history from public.status__renovate_old[] to public.status[] converts every value: for each element: values that are not labels of public.status make the conversion fail (and the apply with it; nothing is changed). (public.tickets: <size>)
-- hazard table_rewrite: Changing the type of public.tickets.history rewrites the table under an ACCESS EXCLUSIVE lock. (public.tickets: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.tickets while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.tickets: <size>)
ALTER TABLE public.tickets ALTER COLUMN history TYPE public.status[] USING history::text::public.status[];

-- step 10: create constraint public.tickets.not_closed_early
-- hazard validation_scan: Adding not_closed_early scans public.tickets and fails if an existing row violates it. (public.tickets: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.tickets while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.tickets: <size>)
ALTER TABLE public.tickets ADD CONSTRAINT not_closed_early CHECK (status <> 'closed'::public.status OR id > 0);

-- step 11: create index public.tickets.tickets_open
-- hazard index_build: Building index tickets_open blocks writes to public.tickets until it finishes. (public.tickets: <size>)
CREATE INDEX tickets_open ON public.tickets USING btree (id) WHERE status = 'open'::public.status;

-- step 12: drop type public.status__renovate_old
DROP TYPE public.status__renovate_old;

COMMIT;
