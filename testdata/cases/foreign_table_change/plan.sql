-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop table public.moves
DROP FOREIGN TABLE public.moves;

-- step 2: drop table public.becomes_foreign
-- hazard deletes_data: Table public.becomes_foreign is dropped and created again as a foreign table: all of its rows are deleted. (public.becomes_foreign: <size>)
DROP TABLE public.becomes_foreign;

-- step 3: drop column public.items.gone
-- hazard deletes_data: Dropping column public.items.gone deletes its values. (public.items: <size>)
ALTER TABLE public.items DROP COLUMN gone;

-- step 4: create table public.becomes_foreign
CREATE FOREIGN TABLE public.becomes_foreign (
    id integer
) SERVER two;

-- step 5: create table public.moves
CREATE FOREIGN TABLE public.moves (
    id integer
) SERVER two;

-- step 6: alter column public.items.name
ALTER TABLE public.items ALTER COLUMN name SET DEFAULT 'x'::text;

-- step 7: create column public.items.added
ALTER TABLE public.items ADD COLUMN added numeric;

-- step 8: alter table public.items
ALTER FOREIGN TABLE public.items OPTIONS (SET table_name 'items2', ADD fetch_size '100', DROP schema_name);

-- step 9: alter column public.items.id
ALTER FOREIGN TABLE public.items ALTER COLUMN id OPTIONS (SET column_name 'id');

-- step 10: alter column public.items.name
ALTER FOREIGN TABLE public.items ALTER COLUMN name OPTIONS (ADD column_name 'title');

-- step 11: create constraint public.items.items_added_check
-- hazard validation_scan: Adding items_added_check scans public.items and fails if an existing row violates it. (public.items: <size>)
-- hazard access_exclusive_lock: Holds an ACCESS EXCLUSIVE lock on public.items while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock). (public.items: <size>)
ALTER TABLE public.items ADD CONSTRAINT items_added_check CHECK (added > 0::numeric);

-- step 12: create view public.item_names
CREATE VIEW public.item_names AS
SELECT id, name FROM public.items;

-- step 13: alter table public.items
COMMENT ON FOREIGN TABLE public.items IS 'remote items, renamed';

-- step 14: alter column public.items.name
COMMENT ON COLUMN public.items.name IS 'the title';

COMMIT;
