CREATE SCHEMA "Sales Dept";
CREATE TYPE "Sales Dept"."Order Status" AS ENUM ('New', 'it''s done');
CREATE TABLE "Sales Dept"."Order" (
    "ID" integer PRIMARY KEY,
    "select" text,
    "user name" text NOT NULL,
    "quote""d" integer CHECK ("quote""d" > 0),
    größe numeric,
    "Status" "Sales Dept"."Order Status" DEFAULT 'New',
    "order" integer
);
CREATE INDEX "Order By Name" ON "Sales Dept"."Order" ("user name", "select");
CREATE TABLE "Sales Dept".line ("Order ID" integer REFERENCES "Sales Dept"."Order" ("ID"), "table" text UNIQUE);
COMMENT ON COLUMN "Sales Dept"."Order"."select" IS 'reserved word';
