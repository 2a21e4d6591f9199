CREATE TABLE t (id int, a text, b text);
CREATE INDEX t_expr ON t (lower(a), upper(b), id);
ALTER INDEX t_expr ALTER COLUMN 1 SET STATISTICS 100;
ALTER INDEX t_expr ALTER COLUMN 2 SET STATISTICS 200;
CREATE INDEX t_len ON t (length(a));
ALTER INDEX t_len ALTER COLUMN 1 SET STATISTICS 300;
CREATE INDEX t_plain ON t ((a || b));
