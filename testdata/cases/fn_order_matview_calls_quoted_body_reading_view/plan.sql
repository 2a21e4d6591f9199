-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create function public.grand_total()
CREATE OR REPLACE FUNCTION public.grand_total()
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$ SELECT total FROM public.z_totals $function$;

-- step 2: create function public.grand_total_quoted()
CREATE OR REPLACE FUNCTION public.grand_total_quoted()
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$SELECT public.grand_total()$function$;

-- step 3: create view public.z_totals
CREATE VIEW public.z_totals AS
SELECT sum(n) AS total FROM public.t;

-- step 4: create materialized_view public.a_report
CREATE MATERIALIZED VIEW public.a_report AS
SELECT public.grand_total_quoted() AS total;

COMMIT;
