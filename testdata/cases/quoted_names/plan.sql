-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: create schema Sales Dept
CREATE SCHEMA "Sales Dept";

-- step 2: create type Sales Dept.Order Status
CREATE TYPE "Sales Dept"."Order Status" AS ENUM (
    'New',
    'it''s done'
);

-- step 3: create table Sales Dept.Order
CREATE TABLE "Sales Dept"."Order" (
    "ID" integer NOT NULL,
    "select" text,
    "user name" text NOT NULL,
    "quote""d" integer,
    "größe" numeric,
    "Status" "Sales Dept"."Order Status" DEFAULT 'New',
    "order" integer,
    CONSTRAINT "Order_pkey" PRIMARY KEY ("ID"),
    CONSTRAINT "Order_quote""d_check" CHECK ("quote""d" > 0)
);

-- step 4: create table Sales Dept.line
CREATE TABLE "Sales Dept".line (
    "Order ID" integer,
    "table" text,
    CONSTRAINT line_table_key UNIQUE ("table")
);

-- step 5: create index Sales Dept.Order.Order By Name
CREATE INDEX "Order By Name" ON "Sales Dept"."Order" USING btree ("user name", "select");

-- step 6: create constraint Sales Dept.line.line_Order ID_fkey
ALTER TABLE "Sales Dept".line ADD CONSTRAINT "line_Order ID_fkey" FOREIGN KEY ("Order ID") REFERENCES "Sales Dept"."Order"("ID");

-- step 7: alter column Sales Dept.Order.select
COMMENT ON COLUMN "Sales Dept"."Order"."select" IS 'reserved word';

COMMIT;
