-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop trigger public.accounts.accounts_touch
DROP TRIGGER accounts_touch ON public.accounts;

-- step 2: drop trigger public.accounts.accounts_old
-- hazard security: Drops trigger accounts_old on public.accounts: whatever it enforced or recorded (audit, integrity, permissions) stops.
DROP TRIGGER accounts_old ON public.accounts;

-- step 3: create trigger public.accounts.accounts_audit
CREATE TRIGGER accounts_audit AFTER INSERT OR DELETE OR UPDATE ON public.accounts FOR EACH STATEMENT EXECUTE FUNCTION public.touch('audit', '42');

-- step 4: create trigger public.accounts.accounts_touch
CREATE TRIGGER accounts_touch BEFORE UPDATE OF balance, status ON public.accounts FOR EACH ROW WHEN (old.* IS DISTINCT FROM new.* AND new.status <> 'closed'::text) EXECUTE FUNCTION public.touch();

-- step 5: create trigger public.accounts.accounts_truncate
CREATE TRIGGER accounts_truncate BEFORE TRUNCATE ON public.accounts FOR EACH STATEMENT EXECUTE FUNCTION public.touch();

-- step 6: alter trigger public.accounts.accounts_touch
COMMENT ON TRIGGER accounts_touch ON public.accounts IS 'keeps updated_at current';

COMMIT;
