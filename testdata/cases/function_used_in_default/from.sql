CREATE FUNCTION next_code() RETURNS integer LANGUAGE sql AS 'SELECT 7';
CREATE FUNCTION is_positive(v integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT v > 0';
CREATE FUNCTION norm(s text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower(s)';

CREATE TABLE things (
    id integer PRIMARY KEY,
    code integer DEFAULT next_code(),
    qty integer CHECK (is_positive(qty)),
    name text
);
CREATE INDEX things_norm_name_idx ON things (norm(name));
