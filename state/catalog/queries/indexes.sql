-- Indexes of managed tables that do not implement a constraint. A primary
-- key, unique or exclusion constraint points at its index with conindid.
-- The contype filter matters: a foreign key's conindid is the referenced
-- table's unique index, which still is an index in its own right if nothing
-- else claims it.
SELECT
	i.indrelid,
	ic.relname::text,
	i.indisunique,
	pg_get_indexdef(i.indexrelid),
	{{description "i.indexrelid" "pg_class" "0"}}
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE {{managedTable "c" "n"}}
	AND NOT EXISTS (
		SELECT FROM pg_constraint co
		WHERE co.conrelid = i.indrelid
			AND co.conindid = i.indexrelid
			AND co.contype IN ('p', 'u', 'x')
	)
ORDER BY i.indrelid, ic.relname
