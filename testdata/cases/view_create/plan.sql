-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create view public.customer_totals
CREATE VIEW public.customer_totals AS
SELECT customer, sum(total) AS total, count(*) AS n FROM public.orders GROUP BY customer HAVING count(*) > 1 ORDER BY customer;

-- step 2: create view public.open_orders
CREATE VIEW public.open_orders AS
SELECT id, customer, total FROM public.orders WHERE status <> 'paid' AND total > 0;

-- step 3: alter column public.customer_totals.n
COMMENT ON COLUMN public.customer_totals.n IS 'number of orders';

-- step 4: alter view public.open_orders
COMMENT ON VIEW public.open_orders IS 'Orders not paid yet';

COMMIT;
