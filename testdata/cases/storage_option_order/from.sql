CREATE TABLE t1 (id int, body text) WITH (fillfactor = 70, autovacuum_enabled = false, toast.autovacuum_enabled = false);
CREATE TABLE t3 (id int) WITH (parallel_workers = 2, fillfactor = 50);
CREATE INDEX t3_id ON t3 (id) WITH (fillfactor = 60, deduplicate_items = off);
