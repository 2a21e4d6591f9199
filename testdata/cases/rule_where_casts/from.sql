-- A rule whose WHERE condition and actions PostgreSQL stores with casts
-- (varchar compared as text): written by hand, it must compare equal to
-- the stored one, and the new table is the only change.
CREATE TABLE t (id int, k varchar(5));
CREATE TABLE log (k text);
CREATE RULE r AS ON UPDATE TO t WHERE old.k <> new.k AND new.k = 'z' DO ALSO INSERT INTO log SELECT new.k;
