CREATE SCHEMA "Fancy Schema";
CREATE TABLE "Fancy Schema"."My Table" ("Col A" integer, "select" text);
