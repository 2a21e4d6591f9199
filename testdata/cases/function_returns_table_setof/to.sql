CREATE TABLE people (id integer, name text, age integer);
CREATE FUNCTION all_people() RETURNS SETOF people LANGUAGE sql STABLE ROWS 50 AS 'SELECT * FROM people';
-- A changed TABLE column list changes the result type: drop and create.
CREATE FUNCTION names(min_id integer) RETURNS TABLE(id integer, "Name" text, age integer) LANGUAGE sql AS 'SELECT id, name, age FROM people WHERE id >= min_id';
CREATE FUNCTION person_label(p people) RETURNS text LANGUAGE sql AS $$ SELECT p.name || ' (' || p.id || ')' $$;
CREATE FUNCTION ids() RETURNS SETOF integer LANGUAGE sql AS 'SELECT id FROM people';
