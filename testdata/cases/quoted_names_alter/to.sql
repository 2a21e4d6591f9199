CREATE TABLE "Mixed" ("Col A" bigint NOT NULL DEFAULT 1, "from" text, "New Col" text UNIQUE, "é" int);
CREATE INDEX "Idx On ""From""" ON "Mixed" ("from");
