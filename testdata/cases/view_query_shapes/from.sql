CREATE TABLE nodes (
    id integer PRIMARY KEY,
    parent integer REFERENCES nodes,
    name text NOT NULL,
    weight numeric(8,2)
);
CREATE TYPE color AS ENUM ('red', 'green');
