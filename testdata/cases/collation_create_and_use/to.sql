CREATE COLLATION posix FROM "POSIX";
-- changed while a column uses it: recreated, the column moved onto it
CREATE COLLATION "Case Insensitive" (provider = icu, locale = 'und-u-ks-level1', deterministic = false);
CREATE COLLATION numeric (provider = icu, locale = 'en-u-kn-true');
CREATE COLLATION lc (lc_collate = 'C', lc_ctype = 'POSIX');
CREATE DOMAIN code AS text COLLATE posix;
CREATE TABLE words (
    id integer PRIMARY KEY,
    word text COLLATE "Case Insensitive",
    code code,
    num text COLLATE numeric
);
CREATE INDEX words_num ON words (num COLLATE posix);
COMMENT ON COLLATION numeric IS 'numbers sort by value';
