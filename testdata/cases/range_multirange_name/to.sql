CREATE SCHEMA other;
-- the multirange moves to another name: the range is recreated
CREATE TYPE intr AS RANGE (subtype = integer, multirange_type_name = other."Int Ranges");
CREATE TYPE "Short Range" AS RANGE (subtype = int2, subtype_opclass = int2_ops);
CREATE TABLE slots (id integer PRIMARY KEY, taken intr);
