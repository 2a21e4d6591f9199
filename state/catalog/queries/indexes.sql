-- Indexes of ordinary tables that do not implement a constraint. A primary
-- key, unique or exclusion constraint points at its index with conindid.
-- The contype filter matters: a foreign key's conindid is the referenced
-- table's unique index, which still is an index in its own right if nothing
-- else claims it.
--
-- An index of a partition attached to an index of its partitioned parent
-- (relispartition) is the parent index's copy, created and dropped with
-- it: it is not the partition's own.
--
-- pg_get_indexdef leaves out the tablespace; it is returned apart with the
-- predicate, before which the caller puts it back.
--
-- The statistics targets of the index's columns (ALTER INDEX ... ALTER
-- COLUMN n SET STATISTICS m, allowed on expression columns only) come as
-- column numbers and targets; -1 (NULL from PostgreSQL 17 on) is the
-- default and left out.
SELECT
	i.indexrelid,
	i.indrelid,
	ic.relname::text,
	i.indisunique,
	pg_get_indexdef(i.indexrelid),
	coalesce(pg_get_expr(i.indpred, i.indrelid), ''),
	coalesce((SELECT ts.spcname::text FROM pg_tablespace ts WHERE ts.oid = ic.reltablespace), ''),
	coalesce((
		SELECT array_agg(a.attnum::int4 ORDER BY a.attnum)
		FROM pg_attribute a
		WHERE a.attrelid = i.indexrelid AND a.attstattarget >= 0
	), '{}'),
	coalesce((
		SELECT array_agg(a.attstattarget::int4 ORDER BY a.attnum)
		FROM pg_attribute a
		WHERE a.attrelid = i.indexrelid AND a.attstattarget >= 0
	), '{}')
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE {{ordinaryTable "c" "n"}}
	AND NOT ic.relispartition
	-- NOT IN over a small uncorrelated subquery runs as one hashed
	-- subplan: a single pass over pg_constraint instead of a probe per
	-- index. conindid is never NULL, so NOT IN has no NULL surprise.
	AND i.indexrelid NOT IN (
		SELECT co.conindid FROM pg_constraint co WHERE co.contype IN ('p', 'u', 'x')
	)
