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

-- step 2: create rule public.items.log_insert
CREATE RULE log_insert AS ON INSERT TO public.items DO INSERT INTO public.item_log (id, name) VALUES (new.id, upper(new.name));
ALTER TABLE public.items DISABLE RULE log_insert;

-- step 3: alter rule public.items.no_delete
ALTER TABLE public.items ENABLE ALWAYS RULE no_delete;

-- step 4: alter rule public.items.no_delete
COMMENT ON RULE no_delete ON public.items IS 'the first ten items always stay';

COMMIT;
