-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop materialized_view public.sales_by_day
DROP MATERIALIZED VIEW public.sales_by_day;

-- step 2: drop index public.sales_by_region.sales_by_region_amount
DROP INDEX public.sales_by_region_amount;

-- step 3: drop index public.sales_by_region.dropped_index
DROP INDEX public.dropped_index;

-- step 4: create materialized_view public.big_sales
CREATE MATERIALIZED VIEW public.big_sales AS
SELECT id, amount FROM public.sales WHERE amount > 1000;

-- step 5: create index public.big_sales.big_sales_amount_idx
-- hazard index_build: Building index big_sales_amount_idx blocks writes to (refreshes of) materialized view public.big_sales while it runs.
CREATE INDEX big_sales_amount_idx ON public.big_sales USING btree (amount);

-- step 6: create materialized_view public.sales_by_day
-- hazard table_rewrite: Recreating materialized view public.sales_by_day runs its query again to fill it.
CREATE MATERIALIZED VIEW public.sales_by_day AS
SELECT sold_on, sum(amount) AS amount, count(*) AS n FROM public.sales GROUP BY sold_on;

-- step 7: create index public.sales_by_day.sales_by_day_sold_on_idx
-- hazard index_build: Building index sales_by_day_sold_on_idx blocks writes to (refreshes of) materialized view public.sales_by_day while it runs.
CREATE UNIQUE INDEX sales_by_day_sold_on_idx ON public.sales_by_day USING btree (sold_on);

-- step 8: alter materialized_view public.sales_by_region
ALTER MATERIALIZED VIEW public.sales_by_region SET (fillfactor='80');

-- step 9: create index public.sales_by_region.sales_by_region_amount
-- hazard index_build: Building index sales_by_region_amount blocks writes to (refreshes of) materialized view public.sales_by_region while it runs.
CREATE INDEX sales_by_region_amount ON public.sales_by_region USING btree (amount DESC);

-- step 10: create index public.sales_by_region.sales_by_region_region_idx
-- hazard index_build: Building index sales_by_region_region_idx blocks writes to (refreshes of) materialized view public.sales_by_region while it runs.
CREATE UNIQUE INDEX sales_by_region_region_idx ON public.sales_by_region USING btree (region);

-- step 11: alter index public.sales_by_region.sales_by_region_region_idx
COMMENT ON INDEX public.sales_by_region_region_idx IS 'for REFRESH CONCURRENTLY';

-- step 12: alter materialized_view public.sales_by_region
COMMENT ON MATERIALIZED VIEW public.sales_by_region IS 'refreshed nightly';

COMMIT;
