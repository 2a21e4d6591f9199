CREATE TABLE t (id int PRIMARY KEY, a int, n numeric);
CREATE TABLE log (a bigint, b varchar(10), at timestamptz, n int);
CREATE RULE r AS ON INSERT TO t DO ALSO INSERT INTO log VALUES (new.a, 'x', now(), new.n);
CREATE VIEW v AS SELECT id, a FROM t;
CREATE RULE v_ins AS ON INSERT TO v DO INSTEAD INSERT INTO t (id, a) VALUES (new.id, new.a);
CREATE RULE v_upd AS ON UPDATE TO v DO INSTEAD UPDATE log SET b = 'y' WHERE log.a = old.a;
CREATE RULE r2 AS ON DELETE TO t DO ALSO INSERT INTO log (b) VALUES ('gone');
