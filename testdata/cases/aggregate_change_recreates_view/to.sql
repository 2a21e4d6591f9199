CREATE TABLE items (id integer PRIMARY KEY, owner text NOT NULL, tag text NOT NULL);

CREATE FUNCTION concat_sep(acc text, val text, sep text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN acc IS NULL THEN val ELSE acc || sep || val END $$;

CREATE FUNCTION concat_sep_array(acc text[], val text, sep text) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT acc || val $$;

CREATE FUNCTION concat_sep_final(acc text[]) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT array_to_string(acc, ',') $$;

-- A new state type and final function: the aggregate is dropped and
-- created again, and the view calling it with it.
CREATE AGGREGATE group_concat(text, text) (
    SFUNC = concat_sep_array,
    STYPE = text[],
    FINALFUNC = concat_sep_final,
    INITCOND = '{}'
);

CREATE VIEW owner_tags AS SELECT owner, group_concat(tag, ',') AS tags FROM items GROUP BY owner;
