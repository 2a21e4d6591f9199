-- default changed, NOT NULL added, a check added, the comment changed
CREATE DOMAIN positive AS integer DEFAULT 10 NOT NULL CHECK (VALUE > 0)
    CONSTRAINT small CHECK (VALUE < 1000000);
-- NOT NULL dropped, a check dropped, a check changed, one added NOT VALID
CREATE DOMAIN "Short Text" AS varchar(20)
    CONSTRAINT "not empty" CHECK (length(VALUE) > 0);
ALTER DOMAIN "Short Text" ADD CONSTRAINT "no tabs" CHECK (VALUE NOT LIKE E'%\t%') NOT VALID;
-- the same check, spelled as the server would not print it
CREATE DOMAIN grade AS text CHECK (VALUE IN ('a', 'b', 'c'));
CREATE DOMAIN created AS numeric(10,2) DEFAULT 0 CHECK (VALUE >= 0);
COMMENT ON DOMAIN positive IS 'strictly positive, under a million';
COMMENT ON CONSTRAINT small ON DOMAIN positive IS 'a sanity bound';
