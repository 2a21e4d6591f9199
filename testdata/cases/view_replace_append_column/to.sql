CREATE TABLE people (
    id integer PRIMARY KEY,
    name text NOT NULL,
    born date
);

CREATE VIEW people_names AS
SELECT id, name, upper(name) AS shout, born IS NOT NULL AS has_birthday
FROM people
WHERE name <> '';

CREATE VIEW people_ids AS SELECT id FROM people_names;

COMMENT ON VIEW people_names IS 'kept across the replace';
