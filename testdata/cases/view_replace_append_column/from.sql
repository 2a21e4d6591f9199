CREATE TABLE people (
    id integer PRIMARY KEY,
    name text NOT NULL,
    born date
);

CREATE VIEW people_names AS SELECT id, name FROM people;

-- Depends on people_names: CREATE OR REPLACE keeps it in place.
CREATE VIEW people_ids AS SELECT id FROM people_names;

COMMENT ON VIEW people_names IS 'kept across the replace';
