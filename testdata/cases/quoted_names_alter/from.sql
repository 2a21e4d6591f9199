CREATE TABLE "Mixed" ("Col A" integer, "from" text);
