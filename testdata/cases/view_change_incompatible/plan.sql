-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop view public.long_labels
DROP VIEW public.long_labels;

-- step 2: drop view public.item_label_lengths
DROP VIEW public.item_label_lengths;

-- step 3: drop view public.item_labels
DROP VIEW public.item_labels;

-- step 4: create view public.item_labels
CREATE VIEW public.item_labels AS
SELECT label AS name, id FROM public.items;

-- step 5: create view public.item_label_lengths
CREATE VIEW public.item_label_lengths AS
SELECT id, length(name) AS len FROM public.item_labels;

-- step 6: create view public.long_labels
CREATE VIEW public.long_labels AS
SELECT item_label_lengths.id FROM public.item_label_lengths WHERE item_label_lengths.len > 10;

-- step 7: alter view public.item_label_lengths
COMMENT ON VIEW public.item_label_lengths IS 'restored after the rebuild';

-- step 8: alter column public.item_label_lengths.len
COMMENT ON COLUMN public.item_label_lengths.len IS 'characters';

COMMIT;
