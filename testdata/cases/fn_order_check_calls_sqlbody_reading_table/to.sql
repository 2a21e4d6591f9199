CREATE TABLE keep (id integer PRIMARY KEY);
-- The CHECK and the DEFAULT call routines whose SQL-standard bodies read
-- another table: the routines come after codes, before items.
CREATE TABLE codes (code text PRIMARY KEY);
CREATE FUNCTION valid_code(c text) RETURNS boolean LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT EXISTS (SELECT 1 FROM codes WHERE code = c);
END;
CREATE FUNCTION first_code() RETURNS text LANGUAGE sql STABLE
RETURN (SELECT min(code) FROM codes);
CREATE TABLE items (
  id integer PRIMARY KEY,
  code text DEFAULT first_code() CONSTRAINT items_code_valid CHECK (valid_code(code))
);
