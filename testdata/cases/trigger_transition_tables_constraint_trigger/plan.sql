-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create trigger public.orders.orders_amount
CREATE CONSTRAINT TRIGGER orders_amount AFTER INSERT OR UPDATE ON public.orders DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.check_amount();

-- step 2: create trigger public.orders.orders_amount_log
CREATE CONSTRAINT TRIGGER orders_amount_log AFTER INSERT ON public.orders FROM public.order_log NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION public.check_amount();

-- step 3: create trigger public.orders.orders_log
CREATE TRIGGER orders_log AFTER UPDATE ON public.orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.log_changes();

-- step 4: create trigger public.orders.orders_log_insert
CREATE TRIGGER orders_log_insert AFTER INSERT ON public.orders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.log_changes();

COMMIT;
