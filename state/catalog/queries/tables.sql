-- Managed tables: see managedTable for which relations qualify.
SELECT
	c.oid,
	n.nspname::text,
	c.relname::text,
	c.relpersistence = 'u'
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE {{managedTable "c" "n"}}
ORDER BY c.oid
