CREATE TABLE audit (what text);
CREATE PROCEDURE record(msg text) LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$ INSERT INTO audit VALUES (upper(msg)) $$;
-- Changing an OUT parameter's type changes the result row: drop and create.
CREATE PROCEDURE outs(IN a integer, OUT b text) LANGUAGE plpgsql AS $$ BEGIN b := a::text; END $$;
CREATE PROCEDURE atomic_proc(x integer DEFAULT 1) LANGUAGE sql BEGIN ATOMIC INSERT INTO audit VALUES ('x'); END;
COMMENT ON PROCEDURE record(text) IS 'records a message';
COMMENT ON PROCEDURE outs(integer) IS 'text variant';
