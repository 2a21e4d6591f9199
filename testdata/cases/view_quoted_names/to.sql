CREATE SCHEMA "Reporting Area";

CREATE TABLE "Reporting Area"."Sales Data" (
    "Id" integer PRIMARY KEY,
    "Region Name" text NOT NULL,
    "select" integer NOT NULL
);

CREATE VIEW "Reporting Area"."Sales ""By"" Region" ("Region", "Total Sales") AS
    SELECT "Region Name", sum("select") FROM "Reporting Area"."Sales Data" GROUP BY 1;
CREATE MATERIALIZED VIEW "Reporting Area"."MV.Totals" AS
    SELECT "Region", "Total Sales" FROM "Reporting Area"."Sales ""By"" Region";
CREATE UNIQUE INDEX "Totals By Region" ON "Reporting Area"."MV.Totals" ("Region");
CREATE VIEW "strange_view(what)" AS SELECT 1 AS "user";
COMMENT ON VIEW "Reporting Area"."Sales ""By"" Region" IS 'It''s quoted';
COMMENT ON COLUMN "Reporting Area"."Sales ""By"" Region"."Total Sales" IS 'sum';
COMMENT ON MATERIALIZED VIEW "Reporting Area"."MV.Totals" IS 'mv';
