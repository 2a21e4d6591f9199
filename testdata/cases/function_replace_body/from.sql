CREATE TABLE log (msg text);
CREATE FUNCTION greet(name text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    RETURN 'Hello, ' || name;
END
$$;
CREATE FUNCTION double_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN x * 2;
CREATE FUNCTION note(m text) RETURNS void LANGUAGE sql AS $$ INSERT INTO log VALUES (m) $$;
COMMENT ON FUNCTION greet(text) IS 'says hello';
