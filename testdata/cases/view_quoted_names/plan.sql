-- renovate plan
-- format_version: 1
-- renovate_version: v0.0.0-golden
-- remote_fingerprint: 0000000000000000000000000000000000000000000000000000000000000000
-- git_commit: 1111111111111111111111111111111111111111
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_encoding = 'UTF8';

BEGIN;

-- step 1: drop view Reporting Area.Old View
DROP VIEW "Reporting Area"."Old View";

-- step 2: create view Reporting Area.Sales "By" Region
CREATE VIEW "Reporting Area"."Sales ""By"" Region" AS
SELECT "Region Name" AS "Region", sum("select") AS "Total Sales" FROM "Reporting Area"."Sales Data" GROUP BY 1;

-- step 3: create materialized_view Reporting Area.MV.Totals
CREATE MATERIALIZED VIEW "Reporting Area"."MV.Totals" AS
SELECT "Region", "Total Sales" FROM "Reporting Area"."Sales ""By"" Region";

-- step 4: create index Reporting Area.MV.Totals.Totals By Region
-- hazard index_build: Building index Totals By Region blocks writes to (refreshes of) materialized view Reporting Area.MV.Totals while it runs.
CREATE UNIQUE INDEX "Totals By Region" ON "Reporting Area"."MV.Totals" USING btree ("Region");

-- step 5: create view public.strange_view(what)
CREATE VIEW public."strange_view(what)" AS
SELECT 1 AS "user";

-- step 6: alter view Reporting Area.Sales "By" Region
COMMENT ON VIEW "Reporting Area"."Sales ""By"" Region" IS 'It''s quoted';

-- step 7: alter column Reporting Area.Sales "By" Region.Total Sales
COMMENT ON COLUMN "Reporting Area"."Sales ""By"" Region"."Total Sales" IS 'sum';

-- step 8: alter materialized_view Reporting Area.MV.Totals
COMMENT ON MATERIALIZED VIEW "Reporting Area"."MV.Totals" IS 'mv';

COMMIT;
