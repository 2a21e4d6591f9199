-- PostgreSQL keeps storage parameters in the order they were set: a SET
-- appends what it names. The plan leaves them in the order written here.
-- A value changes in the middle, a new one comes first.
CREATE TABLE t1 (id int, body text) WITH (parallel_workers = 4, fillfactor = 80, autovacuum_enabled = false, toast.autovacuum_enabled = false, toast.autovacuum_vacuum_threshold = 100);
-- One goes, one comes last.
CREATE TABLE t3 (id int) WITH (fillfactor = 50, autovacuum_analyze_threshold = 10);
CREATE INDEX t3_id ON t3 (id) WITH (fillfactor = 60, deduplicate_items = off);
