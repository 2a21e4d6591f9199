-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop view public.rebuilt
DROP VIEW public.rebuilt;

-- step 2: create view public.fresh
CREATE VIEW public.fresh AS
SELECT id FROM public.items;

-- step 3: create view public.rebuilt
CREATE VIEW public.rebuilt AS
SELECT name, id FROM public.items;

-- step 4: alter table public.items
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE public.items TO app_rw;

-- step 5: alter view public.cheap
-- hazard security: Revokes privileges (REVOKE SELECT ON TABLE public.cheap FROM app_ro): roles or applications relying on them lose that access.
REVOKE SELECT ON TABLE public.cheap FROM app_ro;

-- step 6: alter view public.cheap
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE public.cheap TO app_rw;

-- step 7: alter view public.fresh
GRANT SELECT, INSERT, UPDATE, DELETE, REFERENCES, TRIGGER ON TABLE public.fresh TO app_rw;

-- step 8: alter view public.rebuilt
GRANT SELECT ON TABLE public.rebuilt TO app_ro;

-- step 9: alter view public.rebuilt
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE public.rebuilt TO app_rw;

-- step 10: alter materialized_view public.totals
GRANT SELECT ON TABLE public.totals TO app_ro;

-- step 11: alter materialized_view public.totals
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE public.totals TO app_rw;

COMMIT;
