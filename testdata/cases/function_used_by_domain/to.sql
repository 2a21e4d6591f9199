CREATE TABLE unrelated (a integer);
-- A domain's check calls a function: the function must exist before the
-- domain, and the table using the domain after both.
CREATE FUNCTION is_valid_code(c text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT c ~ '^[A-Z]{3}$' $$;
CREATE DOMAIN code AS text CHECK (is_valid_code(VALUE));
CREATE TABLE products (id integer, c code);
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE FUNCTION cheer(m mood DEFAULT 'happy') RETURNS mood LANGUAGE sql AS $$ SELECT 'happy'::mood $$;
