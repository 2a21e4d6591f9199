-- Indexes of materialized views in user schemas. Materialized views have
-- no constraints, so every index is an index in its own right. Indexes of
-- materialized views that belong to an extension come along and are
-- dropped by the caller, which knows the managed views. indisclustered
-- marks the index ALTER MATERIALIZED VIEW ... CLUSTER ON named.
SELECT
	i.indexrelid,
	i.indrelid,
	ic.relname::text,
	i.indisunique,
	pg_get_indexdef(i.indexrelid),
	i.indisclustered
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'm'
	AND {{userNamespace "n"}}
