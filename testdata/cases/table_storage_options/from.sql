CREATE TABLE t1 (id int, body text) WITH (fillfactor = 90, autovacuum_enabled = false);
CREATE TABLE t2 (id int);
CREATE TABLE t3 (id int) WITH (autovacuum_vacuum_scale_factor = 0.2);
CREATE INDEX t2_id ON t2 (id) WITH (fillfactor = 80);
