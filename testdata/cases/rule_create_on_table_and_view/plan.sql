-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create table public.item_log
CREATE TABLE public.item_log (
    id integer,
    name text,
    at timestamp with time zone DEFAULT now()
);

-- step 2: create view public.item_names
CREATE VIEW public.item_names AS
SELECT id, name FROM public.items;

-- step 3: create rule public.item_names.names_insert
CREATE RULE names_insert AS ON INSERT TO public.item_names DO INSTEAD INSERT INTO public.items (id, name) VALUES (new.id, new.name);

-- step 4: create rule public.items.log_insert
CREATE RULE log_insert AS ON INSERT TO public.items DO INSERT INTO public.item_log (id, name) VALUES (new.id, new.name);

-- step 5: create rule public.items.no_delete
CREATE RULE no_delete AS ON DELETE TO public.items WHERE old.id < 10 DO INSTEAD NOTHING;

-- step 6: alter rule public.items.no_delete
COMMENT ON RULE no_delete ON public.items IS 'the first ten items stay';

COMMIT;
