-- User schemas with their comments. public is an ordinary schema here: it is
-- listed whenever it exists.
SELECT
	n.oid,
	n.nspname::text
FROM pg_namespace n
WHERE {{userNamespace "n"}}
	AND {{notExtensionMember "pg_namespace" "n.oid"}}
ORDER BY n.nspname
