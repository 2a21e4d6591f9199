-- Every function changes its signature: the default, the check and the
-- index calling them are dropped and recreated around them.
CREATE FUNCTION next_code() RETURNS bigint LANGUAGE sql AS 'SELECT 7::bigint';
CREATE FUNCTION is_positive(val integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT val > 0';
CREATE FUNCTION norm(s text) RETURNS character varying LANGUAGE sql IMMUTABLE AS 'SELECT lower(s)';

CREATE TABLE things (
    id integer PRIMARY KEY,
    code integer DEFAULT next_code(),
    qty integer CHECK (is_positive(qty)),
    name text
);
CREATE INDEX things_norm_name_idx ON things (norm(name));
