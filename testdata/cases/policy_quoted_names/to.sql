CREATE SCHEMA "Billing";
CREATE TABLE "Billing"."Invoice Lines" ("Tenant" integer, "select" text, amount numeric);
ALTER TABLE "Billing"."Invoice Lines" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Billing"."Invoice Lines" FORCE ROW LEVEL SECURITY;
CREATE POLICY "Tenant Isolation" ON "Billing"."Invoice Lines" TO "Tenant Admin", app_rw
    USING ("Tenant" = current_setting('app.tenant')::integer AND "select" <> 'x');
CREATE POLICY "order" ON "Billing"."Invoice Lines" AS RESTRICTIVE FOR INSERT TO "Tenant Admin"
    WITH CHECK (amount >= 0);
COMMENT ON POLICY "order" ON "Billing"."Invoice Lines" IS 'no negative amounts';
GRANT SELECT ("Tenant", amount), UPDATE ("select") ON "Billing"."Invoice Lines" TO "Tenant Admin";
GRANT INSERT ON "Billing"."Invoice Lines" TO "Tenant Admin" WITH GRANT OPTION;
GRANT USAGE, CREATE ON SCHEMA "Billing" TO "Tenant Admin";
