-- Managed tables: see managedTable in queries.go for which relations
-- qualify. Comments come from comments.sql.
SELECT
	c.oid,
	n.nspname::text,
	c.relname::text,
	c.relpersistence = 'u'
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE {{managedTable "c" "n"}}
