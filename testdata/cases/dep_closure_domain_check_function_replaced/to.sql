-- The parameter is renamed, which CREATE OR REPLACE refuses: the routine
-- is dropped and created again, so the domain's CHECK goes before and
-- comes back after.
CREATE FUNCTION positive(x integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT x > 0 $$;
CREATE DOMAIN qty AS integer CONSTRAINT qty_positive CHECK (positive(VALUE));
CREATE TABLE lines (q qty);
-- The result type changes: the domain's DEFAULT goes before and comes
-- back after.
CREATE FUNCTION unit() RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT 1::bigint $$;
CREATE DOMAIN one AS integer DEFAULT unit();
CREATE TABLE ones (o one);
