CREATE TABLE t (n integer);
CREATE VIEW z_totals AS SELECT sum(n) AS total FROM t;
-- The call hides in a quoted body: PostgreSQL records no dependency, but
-- the materialized view runs the routine when it is created, so the view
-- the body reads must exist by then.
CREATE FUNCTION grand_total() RETURNS bigint LANGUAGE sql STABLE
AS $$ SELECT total FROM public.z_totals $$;
CREATE FUNCTION grand_total_quoted() RETURNS bigint LANGUAGE sql STABLE
AS 'SELECT public.grand_total()';
CREATE MATERIALIZED VIEW a_report AS SELECT grand_total_quoted() AS total;
