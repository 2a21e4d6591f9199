CREATE TABLE parent (id int NOT NULL, name text, CONSTRAINT name_set CHECK (name <> ''));
-- Leaves its parent: its columns stay, the inherited CHECK becomes its own
-- and goes, as the file does not declare it.
CREATE TABLE leaving (id int NOT NULL, name text, extra int);
-- Joins: its columns and the parent's CHECK, which is added first, stay
-- its own too (PostgreSQL cannot make them inherited only; the file says
-- so to match the pg_dump oracle).
CREATE TABLE joining (id int NOT NULL, name text, extra int, CONSTRAINT name_set CHECK (name <> '')) INHERITS (parent);
-- Changes parent.
CREATE TABLE other_parent (id int NOT NULL, name text);
CREATE TABLE moving (id int NOT NULL, name text, m int) INHERITS (other_parent);
