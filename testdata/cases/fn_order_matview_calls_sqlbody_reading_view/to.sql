CREATE TABLE t (n integer);
CREATE VIEW z_totals AS SELECT sum(n) AS total FROM t;
-- The routine reads a view, the materialized view calls the routine: the
-- view, then the routine, then the materialized view.
CREATE FUNCTION grand_total() RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT total FROM z_totals;
END;
CREATE MATERIALIZED VIEW a_report AS SELECT grand_total() AS total;
