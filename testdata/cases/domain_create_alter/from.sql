CREATE DOMAIN positive AS integer DEFAULT 1 CHECK (VALUE > 0);
CREATE DOMAIN "Short Text" AS varchar(20) NOT NULL
    CONSTRAINT "not empty" CHECK (VALUE <> '')
    CONSTRAINT no_spaces CHECK (VALUE NOT LIKE '% %');
CREATE DOMAIN gone AS text;
CREATE DOMAIN grade AS text CHECK (VALUE IN ('a', 'b', 'c'));
COMMENT ON DOMAIN positive IS 'strictly positive';
