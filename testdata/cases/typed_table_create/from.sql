-- Typed tables (CREATE TABLE ... OF type) are created after their type;
-- their columns are the type's attributes, and the entries say what a
-- column has of its own.
CREATE SCHEMA app;
