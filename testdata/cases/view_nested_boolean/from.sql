CREATE TABLE t (a integer, b integer, c integer, d boolean, e boolean);
-- Changed below: the nesting of the WHERE clause is part of the view.
CREATE VIEW flat AS SELECT a FROM t WHERE a = 1 AND b = 2 AND c = 3;
