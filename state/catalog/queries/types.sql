-- Enum types with their labels in sort order. Array types and the row types
-- of tables are typtype 'b' and 'c' and so never match; domains, composites
-- and ranges are not modelled yet.
SELECT
	t.oid,
	n.nspname::text,
	t.typname::text,
	ARRAY(
		SELECT e.enumlabel::text
		FROM pg_enum e
		WHERE e.enumtypid = t.oid
		ORDER BY e.enumsortorder
	)
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e'
	AND {{userNamespace "n"}}
	AND {{notExtensionMember "pg_type" "t.oid"}}
ORDER BY n.nspname, t.typname
