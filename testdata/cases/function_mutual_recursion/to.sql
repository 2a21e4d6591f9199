-- Mutually recursive functions; bodies are not checked at creation.
CREATE FUNCTION is_even(n integer) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF n = 0 THEN RETURN true; END IF;
    RETURN is_odd(n - 1);
END
$$;
CREATE FUNCTION is_odd(n integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN n = 0 THEN false ELSE is_even(n - 1) END
$$;
-- A function used in a default, a check and by a table created in the same plan.
CREATE FUNCTION default_n() RETURNS integer LANGUAGE sql AS 'SELECT 2';
CREATE TABLE nums (n integer DEFAULT default_n() CHECK (is_even(n)));
-- A body referencing a table created later in the same plan.
CREATE FUNCTION count_later() RETURNS bigint LANGUAGE plpgsql AS 'BEGIN RETURN (SELECT count(*) FROM later); END';
CREATE TABLE later (x integer);
-- SQL-standard bodies calling each other in order.
CREATE FUNCTION base_val() RETURNS integer LANGUAGE sql IMMUTABLE RETURN 1;
CREATE FUNCTION derived_val() RETURNS integer LANGUAGE sql IMMUTABLE RETURN base_val() + 1;
CREATE FUNCTION later_count() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(*) FROM later; END;
