-- Foreign-data wrappers that no extension owns (postgres_fdw's belongs to
-- its extension). Handler and validator are quoted, schema-qualified
-- function names; options are "name=value" in the order kept.
SELECT
	w.oid,
	w.fdwname::text,
	CASE WHEN w.fdwhandler = 0 THEN '' ELSE quote_ident(hn.nspname) || '.' || quote_ident(h.proname) END,
	CASE WHEN w.fdwvalidator = 0 THEN '' ELSE quote_ident(vn.nspname) || '.' || quote_ident(v.proname) END,
	coalesce(w.fdwoptions, '{}')
FROM pg_foreign_data_wrapper w
LEFT JOIN pg_proc h ON h.oid = w.fdwhandler
LEFT JOIN pg_namespace hn ON hn.oid = h.pronamespace
LEFT JOIN pg_proc v ON v.oid = w.fdwvalidator
LEFT JOIN pg_namespace vn ON vn.oid = v.pronamespace
WHERE {{notExtensionMember "pg_foreign_data_wrapper" "w.oid"}}
ORDER BY w.fdwname
