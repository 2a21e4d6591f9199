CREATE COLLATION posix FROM "POSIX";
CREATE COLLATION gone (provider = icu, locale = 'fr');
CREATE COLLATION "Case Insensitive" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE words (
    id integer PRIMARY KEY,
    word text COLLATE "Case Insensitive"
);
