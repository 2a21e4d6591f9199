-- A column a rule reads changes type: the rule is recreated around the
-- change, and then holds the cast to the log column it inserts into.
CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE TABLE log (a int);
CREATE RULE r AS ON INSERT TO t DO ALSO INSERT INTO log VALUES (new.a);
