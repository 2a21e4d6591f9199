-- The new MINVALUE is above the sequence's current value: the identity
-- restarts at it.
CREATE TABLE t (id integer GENERATED ALWAYS AS IDENTITY (START WITH 100 MINVALUE 100) PRIMARY KEY, name text);
