-- The domain's check and default call functions created by the same plan.
CREATE FUNCTION is_iban(v text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v ~ '^[A-Z]{2}[0-9]{2}' $$;
CREATE FUNCTION no_iban() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'XX00' $$;
CREATE DOMAIN iban AS text DEFAULT no_iban() CONSTRAINT iban_valid CHECK (is_iban(VALUE));
CREATE TABLE accounts (id integer PRIMARY KEY, iban iban);
