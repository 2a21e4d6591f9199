CREATE TABLE t (id int, a text, b text);
-- One target changes, one goes back to the default.
CREATE INDEX t_expr ON t (lower(a), upper(b), id);
ALTER INDEX t_expr ALTER COLUMN 1 SET STATISTICS 150;
-- The index is recreated and gets its target again.
CREATE INDEX t_len ON t (length(b));
ALTER INDEX t_len ALTER COLUMN 1 SET STATISTICS 300;
-- A target on an index that had none, and on a new index.
CREATE INDEX t_plain ON t ((a || b));
ALTER INDEX t_plain ALTER COLUMN 1 SET STATISTICS 50;
CREATE INDEX t_new ON t (id, (id + 1));
ALTER INDEX t_new ALTER COLUMN 2 SET STATISTICS 10;
-- A column type change rebuilds the index, which loses its targets.
CREATE TABLE w (a int, b bigint);
CREATE INDEX w_e ON w ((b + 1));
ALTER INDEX w_e ALTER COLUMN 1 SET STATISTICS 55;
