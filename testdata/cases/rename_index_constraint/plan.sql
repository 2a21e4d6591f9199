-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: rename constraint public.order_lines.order_lines_product_id_fkey
ALTER TABLE public.order_lines RENAME CONSTRAINT order_lines_product TO order_lines_product_id_fkey;

-- step 2: rename constraint public.products.Products SKU
ALTER TABLE public.products RENAME CONSTRAINT sku_unique TO "Products SKU";

-- step 3: rename constraint public.products.products_pkey
ALTER TABLE public.products RENAME CONSTRAINT products_pk TO products_pkey;

-- step 4: rename constraint public.products.products_price_check
ALTER TABLE public.products RENAME CONSTRAINT price_positive TO products_price_check;

-- step 5: rename index public.products.products_price_idx
ALTER INDEX public.products_price RENAME TO products_price_idx;

COMMIT;
