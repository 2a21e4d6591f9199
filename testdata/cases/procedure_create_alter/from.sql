CREATE TABLE audit (what text);
CREATE PROCEDURE record(msg text) LANGUAGE sql AS $$ INSERT INTO audit VALUES (msg) $$;
CREATE PROCEDURE old_proc() LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;
CREATE PROCEDURE outs(IN a integer, OUT b integer) LANGUAGE plpgsql AS $$ BEGIN b := a; END $$;
