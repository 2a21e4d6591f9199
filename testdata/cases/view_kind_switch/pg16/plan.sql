-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop view public.reads_both
DROP VIEW public.reads_both;

-- step 2: drop materialized_view public.becomes_plain
DROP MATERIALIZED VIEW public.becomes_plain;

-- step 3: drop view public.becomes_materialized
DROP VIEW public.becomes_materialized;

-- step 4: create materialized_view public.becomes_materialized
CREATE MATERIALIZED VIEW public.becomes_materialized AS
SELECT a FROM public.t;

-- step 5: create view public.becomes_plain
CREATE VIEW public.becomes_plain AS
SELECT b FROM public.t;

-- step 6: create view public.reads_both
CREATE VIEW public.reads_both AS
SELECT m.a, p.b FROM public.becomes_materialized m, public.becomes_plain p;

COMMIT;
