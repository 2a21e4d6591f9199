CREATE TABLE items (id integer PRIMARY KEY, owner text NOT NULL, tag text NOT NULL);

CREATE FUNCTION concat_sep(acc text, val text, sep text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN acc IS NULL THEN val ELSE acc || sep || val END $$;

CREATE AGGREGATE group_concat(text, text) (SFUNC = concat_sep, STYPE = text);
COMMENT ON AGGREGATE group_concat(text, text) IS 'joins with a separator';

CREATE VIEW owner_tags AS SELECT owner, group_concat(tag, ',') AS tags FROM items GROUP BY owner;
