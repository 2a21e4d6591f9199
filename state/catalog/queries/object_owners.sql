-- The owner of every object whose owner the model can record
-- (state.Owner), for owners = "manage": its kind, schema, name, the
-- identity arguments of a routine, and the owning role. Sequences of
-- serial and identity columns go with their table; extension members
-- belong to the extension.
SELECT kind, schema, name, signature, pg_get_userbyid(ownerid)::text
FROM (
	SELECT 'schema' AS kind, '' AS schema, n.nspname::text AS name, '' AS signature, n.nspowner AS ownerid
	FROM pg_namespace n
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_namespace" "n.oid"}}
	UNION ALL
	SELECT CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized_view' ELSE 'table' END,
		n.nspname::text, c.relname::text, '', c.relowner
	FROM pg_class c
	JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S')
		AND {{userNamespace "n"}}
		AND {{notExtensionMember "pg_class" "c.oid"}}
		AND NOT (c.relkind = 'S' AND EXISTS (
			SELECT FROM pg_depend d
			WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')
		))
	UNION ALL
	SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
		n.nspname::text, p.proname::text, '(' || pg_get_function_identity_arguments(p.oid) || ')', p.proowner
	FROM pg_proc p
	JOIN pg_namespace n ON n.oid = p.pronamespace
	WHERE p.prokind IN ('f', 'p', 'w')
		AND {{userNamespace "n"}}
		AND {{notExtensionMember "pg_proc" "p.oid"}}
	UNION ALL
	SELECT 'type', n.nspname::text, t.typname::text, '', t.typowner
	FROM pg_type t
	JOIN pg_namespace n ON n.oid = t.typnamespace
	LEFT JOIN pg_class c ON c.oid = t.typrelid
	WHERE (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND c.relkind = 'c'))
		AND {{userNamespace "n"}}
		AND {{notExtensionMember "pg_type" "t.oid"}}
	UNION ALL
	-- Procedural languages made outside an extension.
	SELECT 'language', '', l.lanname::text, '', l.lanowner
	FROM pg_language l
	WHERE l.oid >= 16384 AND l.lanispl AND {{notExtensionMember "pg_language" "l.oid"}}
) o
ORDER BY 1, 2, 3, 4
