CREATE TABLE log (msg text);
CREATE FUNCTION greet(name text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    RETURN 'Hi there, ' || name || '!';
END
$$;
CREATE FUNCTION double_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN x + x;
-- Same body, now an SQL-standard one; a default is added (allowed in place).
CREATE FUNCTION note(m text DEFAULT 'empty') RETURNS void LANGUAGE sql BEGIN ATOMIC INSERT INTO log VALUES (m); END;
COMMENT ON FUNCTION greet(text) IS 'says hi';
