CREATE TABLE users (id int PRIMARY KEY, name text);
CREATE TABLE orders (id int PRIMARY KEY, total numeric);
CREATE TABLE audit (id int);
CREATE TABLE base (id int);
CREATE TABLE base_child () INHERITS (base);
CREATE TABLE "New Table" (id int);
-- A table leaves, others join (a parent without ONLY brings its child);
-- publish changes.
CREATE PUBLICATION pub_app FOR TABLE users, "New Table", base WITH (publish = 'insert, update');
-- Options only, then back to the defaults.
CREATE PUBLICATION pub_all FOR ALL TABLES WITH (publish_via_partition_root = true);
-- Becomes FOR ALL TABLES: recreated.
CREATE PUBLICATION "Pub Everything" FOR ALL TABLES;
-- New, empty, with a comment; tables added by ALTER.
CREATE PUBLICATION pub_new;
ALTER PUBLICATION pub_new ADD TABLE ONLY base;
ALTER PUBLICATION pub_new SET (publish = 'delete');
COMMENT ON PUBLICATION pub_new IS 'deletes of base only';
