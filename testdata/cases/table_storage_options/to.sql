-- A changed value, a removed one and a new one. (PostgreSQL keeps storage
-- parameters in the order they were set, which means nothing; they are
-- written in name order here so that the pg_dump oracle agrees.)
CREATE TABLE t1 (id int, body text) WITH (fillfactor = 70, parallel_workers = 2, toast.autovacuum_enabled = false);
-- Options of a new table and of a table that had none; the default
-- tablespace written out is no tablespace at all.
CREATE TABLE t2 (id int) WITH (autovacuum_enabled, fillfactor='50') TABLESPACE pg_default;
CREATE TABLE "New T" (id int PRIMARY KEY WITH (fillfactor = 60), u int, CONSTRAINT u_key UNIQUE (u) WITH (fillfactor = 40)) WITH (fillfactor = 60);
-- All options go.
CREATE TABLE t3 (id int);
-- Index storage parameters change.
CREATE INDEX t2_id ON t2 (id) WITH (fillfactor = 60);
ALTER TABLE t3 SET (autovacuum_analyze_threshold = 100);
ALTER TABLE t3 RESET (autovacuum_analyze_threshold);
