CREATE TABLE items (id integer PRIMARY KEY, owner text NOT NULL, tag text NOT NULL);

-- The state function's parameter is renamed, which CREATE OR REPLACE
-- FUNCTION cannot do: it is dropped and created again, so the aggregate
-- using it and the view calling the aggregate are too.
CREATE FUNCTION concat_sep(acc text, val text, separator text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN acc IS NULL THEN val ELSE acc || separator || val END $$;

CREATE AGGREGATE group_concat(text, text) (SFUNC = concat_sep, STYPE = text);
COMMENT ON AGGREGATE group_concat(text, text) IS 'joins with a separator';

CREATE VIEW owner_tags AS SELECT owner, group_concat(tag, ',') AS tags FROM items GROUP BY owner;
