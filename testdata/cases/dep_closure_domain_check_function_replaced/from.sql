CREATE FUNCTION positive(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v > 0 $$;
CREATE DOMAIN qty AS integer CONSTRAINT qty_positive CHECK (positive(VALUE));
CREATE TABLE lines (q qty);
CREATE FUNCTION unit() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
CREATE DOMAIN one AS integer DEFAULT unit();
CREATE TABLE ones (o one);
