-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create view public.z_totals
CREATE VIEW public.z_totals AS
SELECT sum(n) AS total FROM public.t;

-- step 2: create function public.grand_total()
CREATE OR REPLACE FUNCTION public.grand_total()
 RETURNS bigint
 LANGUAGE sql
 STABLE
BEGIN ATOMIC SELECT total FROM z_totals; END;

-- step 3: create materialized_view public.a_report
CREATE MATERIALIZED VIEW public.a_report AS
SELECT public.grand_total() AS total;

COMMIT;
