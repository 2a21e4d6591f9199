CREATE TABLE people (id integer, name text);
CREATE FUNCTION all_people() RETURNS SETOF people LANGUAGE sql STABLE AS 'SELECT * FROM people';
CREATE FUNCTION names(min_id integer) RETURNS TABLE(id integer, name text) LANGUAGE sql AS 'SELECT id, name FROM people WHERE id >= min_id';
