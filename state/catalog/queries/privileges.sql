-- Privileges on schemas, relations, columns, routines, types, foreign-data
-- wrappers and foreign servers: one row
-- per object, grantee and privilege, in the model's effective form (see
-- state.Privilege).
--
-- A NULL ACL means acldefault(kind, owner), so the defaults are filled in
-- with coalesce: that is where PUBLIC's EXECUTE on routines and USAGE on
-- types come from. The owner's own rows are left out (owners hold every
-- privilege implicitly); those it revoked from itself come as rows of their
-- own (revoked true, at the end). Grantors are not modelled:
-- several grantors of one privilege collapse into one row, grantable if any
-- grant was. Relations and columns with a NULL ACL have nothing but the
-- owner's privileges and are skipped, which keeps the result small.
--
-- Objects are named the way the other queries name them (routines by
-- pg_get_function_identity_arguments); the caller attaches the rows to the
-- model's objects by name and ignores the rest (extension members,
-- relations the model does not hold).
WITH acls AS (
	SELECT
		'schema' AS kind, n.nspname::text AS schema, ''::text AS name, ''::text AS args, ''::text AS col,
		n.nspowner AS owner, coalesce(n.nspacl, acldefault('n', n.nspowner)) AS acl,
		acldefault('n', n.nspowner) AS def
	FROM pg_namespace n
	WHERE {{userNamespace "n"}}
	UNION ALL
	SELECT
		CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'relation' END, n.nspname::text, c.relname::text, '', '',
		c.relowner, c.relacl,
		acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner)
	FROM pg_class c
	JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE c.relacl IS NOT NULL
		AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
		AND {{userNamespace "n"}}
	UNION ALL
	SELECT
		'column', n.nspname::text, c.relname::text, '', a.attname::text,
		c.relowner, a.attacl, NULL
	FROM pg_attribute a
	JOIN pg_class c ON c.oid = a.attrelid
	JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE a.attacl IS NOT NULL
		AND a.attnum > 0
		AND NOT a.attisdropped
		AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
		AND {{userNamespace "n"}}
	UNION ALL
	SELECT
		'routine', n.nspname::text, p.proname::text, pg_get_function_identity_arguments(p.oid), '',
		p.proowner, coalesce(p.proacl, acldefault('f', p.proowner)), acldefault('f', p.proowner)
	FROM pg_proc p
	JOIN pg_namespace n ON n.oid = p.pronamespace
	WHERE p.prokind IN ('f', 'p', 'w')
		AND {{userNamespace "n"}}
	UNION ALL
	-- Enums, domains, ranges and standalone composite types; not array
	-- types, multiranges (which go with their range) or the row types of
	-- relations.
	SELECT
		'type', n.nspname::text, t.typname::text, '', '',
		t.typowner, coalesce(t.typacl, acldefault('T', t.typowner)), acldefault('T', t.typowner)
	FROM pg_type t
	JOIN pg_namespace n ON n.oid = t.typnamespace
	LEFT JOIN pg_class c ON c.oid = t.typrelid
	WHERE (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND c.relkind = 'c'))
		AND {{userNamespace "n"}}
	UNION ALL
	-- Foreign-data wrappers and servers (USAGE); a NULL ACL holds only
	-- the owner's.
	SELECT 'foreign_data_wrapper', '', w.fdwname::text, '', '', w.fdwowner, w.fdwacl, NULL
	FROM pg_foreign_data_wrapper w
	WHERE w.fdwacl IS NOT NULL
	UNION ALL
	SELECT 'server', '', s.srvname::text, '', '', s.srvowner, s.srvacl, NULL
	FROM pg_foreign_server s
	WHERE s.srvacl IS NOT NULL
)
SELECT
	a.kind,
	a.schema,
	a.name,
	a.args,
	a.col,
	CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee)::text END,
	x.privilege_type,
	bool_or(x.is_grantable),
	false
FROM acls a, aclexplode(a.acl) x
WHERE x.grantee <> a.owner
GROUP BY 1, 2, 3, 4, 5, 6, 7
UNION ALL
-- The owner's own privileges that its ACL lacks: those it revoked from
-- itself (state.OwnerRevoked), one row each, revoked true.
SELECT a.kind, a.schema, a.name, a.args, a.col, pg_get_userbyid(a.owner)::text, d.privilege_type, false, true
FROM acls a, aclexplode(a.def) d
WHERE d.grantee = a.owner
	AND NOT EXISTS (
		SELECT FROM aclexplode(a.acl) x
		WHERE x.grantee = a.owner AND x.privilege_type = d.privilege_type
	)
