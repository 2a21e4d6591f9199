CREATE SCHEMA "Billing";
CREATE TABLE "Billing"."Invoice Lines" ("Tenant" integer, "select" text, amount numeric);
ALTER TABLE "Billing"."Invoice Lines" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Tenant Isolation" ON "Billing"."Invoice Lines" TO "Tenant Admin"
    USING ("Tenant" = 1);
GRANT SELECT ("Tenant", "select") ON "Billing"."Invoice Lines" TO "Tenant Admin";
GRANT USAGE ON SCHEMA "Billing" TO "Tenant Admin";
