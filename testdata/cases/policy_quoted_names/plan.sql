-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: alter policy Billing.Invoice Lines.Tenant Isolation
-- hazard security: Changes policy Tenant Isolation on Billing.Invoice Lines: review which roles and rows it lets through now.
ALTER POLICY "Tenant Isolation" ON "Billing"."Invoice Lines"
    TO "Tenant Admin", app_rw
    USING ("Tenant" = current_setting('app.tenant'::text)::int AND "select" <> 'x'::text);

-- step 2: create policy Billing.Invoice Lines.order
CREATE POLICY "order" ON "Billing"."Invoice Lines"
    AS RESTRICTIVE
    FOR INSERT
    TO "Tenant Admin"
    WITH CHECK (amount >= 0::numeric);

-- step 3: alter policy Billing.Invoice Lines.order
COMMENT ON POLICY "order" ON "Billing"."Invoice Lines" IS 'no negative amounts';

-- step 4: alter table Billing.Invoice Lines
ALTER TABLE "Billing"."Invoice Lines" FORCE ROW LEVEL SECURITY;

-- step 5: alter schema Billing
GRANT CREATE ON SCHEMA "Billing" TO "Tenant Admin";

-- step 6: alter table Billing.Invoice Lines
GRANT INSERT ON TABLE "Billing"."Invoice Lines" TO "Tenant Admin" WITH GRANT OPTION;

-- step 7: alter table Billing.Invoice Lines
-- hazard security: Revokes privileges (REVOKE SELECT ("select") ON TABLE "Billing"."Invoice Lines" FROM "Tenant Admin"): roles or applications relying on them lose that access.
REVOKE SELECT ("select") ON TABLE "Billing"."Invoice Lines" FROM "Tenant Admin";

-- step 8: alter table Billing.Invoice Lines
GRANT SELECT (amount), UPDATE ("select") ON TABLE "Billing"."Invoice Lines" TO "Tenant Admin";

COMMIT;
