-- User triggers: not the internal ones behind foreign keys and deferrable
-- constraints (tgisinternal), and not the clones PostgreSQL makes on the
-- partitions of a partitioned table's trigger (tgparentid, PostgreSQL
-- 13+): those belong to the parent's trigger. The caller attaches each row
-- to its table or view by OID and drops the rest (relations renovate does
-- not manage).
SELECT
	t.tgrelid,
	t.oid,
	t.tgname::text,
	pg_get_triggerdef(t.oid),
	fn.nspname::text,
	f.proname::text,
	t.tgenabled::text
FROM pg_trigger t
JOIN pg_proc f ON f.oid = t.tgfoid
JOIN pg_namespace fn ON fn.oid = f.pronamespace
WHERE NOT t.tgisinternal
	AND t.tgparentid = 0
ORDER BY t.tgrelid, t.tgname
