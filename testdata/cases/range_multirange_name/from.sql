CREATE SCHEMA other;
CREATE TYPE intr AS RANGE (subtype = integer, multirange_type_name = int_ranges);
CREATE TABLE slots (id integer PRIMARY KEY, taken intr);
