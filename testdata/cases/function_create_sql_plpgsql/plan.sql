-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create function public.add_tax(p numeric)
CREATE OR REPLACE FUNCTION public.add_tax(p numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
RETURN p * 1.2;

-- step 2: create function public.cheapest()
CREATE OR REPLACE FUNCTION public.cheapest()
 RETURNS integer
 LANGUAGE sql
 STABLE
BEGIN ATOMIC SELECT id FROM items WHERE price > 0 ORDER BY price LIMIT 1; END;

-- step 3: create function public.discounted(p numeric, pct integer, label text)
CREATE OR REPLACE FUNCTION public.discounted(p numeric, pct integer DEFAULT 10, label text DEFAULT 'sale')
 RETURNS numeric
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$
BEGIN
    -- keep the body exactly: comments, $$ and 'quotes'
    RETURN p * (100 - pct) / 100;
END;
$function$;

-- step 4: create function public.total_price()
CREATE OR REPLACE FUNCTION public.total_price()
 RETURNS numeric
 LANGUAGE sql
 STABLE
AS $function$
    SELECT coalesce(sum(price), 0) FROM items
$function$;

-- step 5: alter function public.discounted(p numeric, pct integer, label text)
COMMENT ON FUNCTION public.discounted(p numeric, pct integer, label text) IS 'Price after discount';

COMMIT;
