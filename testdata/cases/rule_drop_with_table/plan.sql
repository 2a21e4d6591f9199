-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop rule public.items.log_insert
DROP RULE log_insert ON public.items;

-- step 2: drop table public.item_log
-- hazard deletes_data: Dropping table public.item_log deletes all of its rows. (public.item_log: <size>)
DROP TABLE public.item_log;

COMMIT;
