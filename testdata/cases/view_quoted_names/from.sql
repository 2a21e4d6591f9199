CREATE SCHEMA "Reporting Area";

CREATE TABLE "Reporting Area"."Sales Data" (
    "Id" integer PRIMARY KEY,
    "Region Name" text NOT NULL,
    "select" integer NOT NULL
);

CREATE VIEW "Reporting Area"."Old View" AS SELECT "Id" FROM "Reporting Area"."Sales Data";
