-- Backslashes in every kind of literal renovate writes: they must come out
-- as E'...' strings or be read with standard_conforming_strings on, never
-- end a literal early.
CREATE TYPE mood AS ENUM ('a\b', 'plain', E'quote\\''s');
CREATE TABLE t (
    id integer PRIMARY KEY,
    a text DEFAULT E'back\\slash' CHECK (a <> '\'),
    m mood DEFAULT 'a\b'
);
COMMENT ON TABLE t IS E'\\''); DROP TABLE t; --';
COMMENT ON COLUMN t.a IS 'ends with \';
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
COMMENT ON FUNCTION trg() IS 'a \ b';
CREATE TRIGGER tt BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg('x\y', E'\\''); --');
