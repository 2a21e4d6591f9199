CREATE TABLE docs (id int, body text COMPRESSION lz4, meta jsonb, amount numeric, tag text, raw bytea COMPRESSION pglz);
ALTER TABLE docs ALTER COLUMN body SET STORAGE MAIN;
-- Back to the type's default, written out.
ALTER TABLE docs ALTER COLUMN meta SET STORAGE EXTENDED;
ALTER TABLE docs ALTER COLUMN amount SET STORAGE EXTERNAL;
ALTER TABLE docs ALTER COLUMN raw SET STORAGE EXTERNAL;
CREATE TABLE "New Docs" (id int, "Body" text COMPRESSION lz4);
ALTER TABLE "New Docs" ALTER COLUMN "Body" SET STORAGE EXTERNAL;
-- A child gets its parent's storage and compression.
CREATE TABLE docs_child () INHERITS (docs);
