-- The parent gets a column and a NOT NULL: both reach the children.
CREATE TABLE base (
    id serial,
    created timestamp DEFAULT now() NOT NULL,
    "Label" text DEFAULT 'none',
    CONSTRAINT id_positive CHECK (id > 0)
);
CREATE TABLE child_a (a1 int) INHERITS (base);
-- A new child, with a column it redeclares (merged with the parent's) and
-- a default of its own for an inherited one.
CREATE TABLE "Child B" (id int, b1 text NOT NULL, CONSTRAINT b1_short CHECK (length(b1) < 10)) INHERITS (base);
ALTER TABLE "Child B" ALTER COLUMN "Label" SET DEFAULT 'b';
-- Two parents.
CREATE TABLE other (o int NOT NULL);
CREATE TABLE both_parents (x int) INHERITS (base, other);
-- A NO INHERIT check stays with its table.
CREATE TABLE strict_base (v int, CONSTRAINT v_set CHECK (v IS NOT NULL) NO INHERIT);
CREATE TABLE strict_child () INHERITS (strict_base);
