CREATE TABLE rates (factor integer);
CREATE FUNCTION scaled(q integer) RETURNS integer LANGUAGE sql IMMUTABLE
RETURN q * 10;
CREATE FUNCTION rate() RETURNS integer LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT factor FROM rates;
END;
-- A new generated column and a new default on a table with rows: the
-- routines must exist before the columns are added.
CREATE TABLE orders (
  id integer PRIMARY KEY,
  qty integer,
  total integer GENERATED ALWAYS AS (scaled(qty)) STORED,
  r integer DEFAULT rate()
);
