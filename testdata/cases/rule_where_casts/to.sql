CREATE TABLE t (id int, k varchar(5));
CREATE TABLE log (k text);
CREATE RULE r AS ON UPDATE TO t WHERE old.k <> new.k AND new.k = 'z' DO ALSO INSERT INTO log SELECT new.k;
CREATE TABLE added (id int);
