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
	-- The definition objects, collations, event triggers, publications,
	-- wrappers and servers, keyed as defobjects.sql and the other
	-- introspection queries key them.
	UNION ALL
	SELECT 'aggregate', n.nspname::text, p.proname::text, '(' || pg_get_function_identity_arguments(p.oid) || ')', p.proowner
	FROM pg_proc p
	JOIN pg_namespace n ON n.oid = p.pronamespace
	WHERE p.prokind = 'a' AND {{userNamespace "n"}} AND {{notExtensionMember "pg_proc" "p.oid"}}
	UNION ALL
	SELECT 'statistics', n.nspname::text, x.stxname::text, '', x.stxowner
	FROM pg_statistic_ext x
	JOIN pg_namespace n ON n.oid = x.stxnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_statistic_ext" "x.oid"}}
	UNION ALL
	SELECT 'text_search_configuration', n.nspname::text, c.cfgname::text, '', c.cfgowner
	FROM pg_ts_config c
	JOIN pg_namespace n ON n.oid = c.cfgnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_ts_config" "c.oid"}}
	UNION ALL
	SELECT 'text_search_dictionary', n.nspname::text, d.dictname::text, '', d.dictowner
	FROM pg_ts_dict d
	JOIN pg_namespace n ON n.oid = d.dictnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_ts_dict" "d.oid"}}
	UNION ALL
	SELECT 'operator', n.nspname::text, o.oprname::text,
		'(' || CASE WHEN o.oprleft = 0 THEN 'NONE' ELSE format_type(o.oprleft, NULL) END || ', '
			|| CASE WHEN o.oprright = 0 THEN 'NONE' ELSE format_type(o.oprright, NULL) END || ')',
		o.oprowner
	FROM pg_operator o
	JOIN pg_namespace n ON n.oid = o.oprnamespace
	WHERE o.oprcode <> 0 AND {{userNamespace "n"}} AND {{notExtensionMember "pg_operator" "o.oid"}}
	UNION ALL
	SELECT 'operator_family', n.nspname::text, f.opfname::text, ' USING ' || am.amname::text, f.opfowner
	FROM pg_opfamily f
	JOIN pg_namespace n ON n.oid = f.opfnamespace
	JOIN pg_am am ON am.oid = f.opfmethod
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_opfamily" "f.oid"}}
		AND (am.oid < 16384 OR NOT {{notExtensionMember "pg_am" "am.oid"}})
	UNION ALL
	SELECT 'operator_class', n.nspname::text, c.opcname::text, ' USING ' || am.amname::text, c.opcowner
	FROM pg_opclass c
	JOIN pg_namespace n ON n.oid = c.opcnamespace
	JOIN pg_am am ON am.oid = c.opcmethod
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_opclass" "c.oid"}}
		AND (am.oid < 16384 OR NOT {{notExtensionMember "pg_am" "am.oid"}})
	UNION ALL
	SELECT 'conversion', n.nspname::text, c.conname::text, '', c.conowner
	FROM pg_conversion c
	JOIN pg_namespace n ON n.oid = c.connamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_conversion" "c.oid"}}
	UNION ALL
	SELECT 'collation', n.nspname::text, c.collname::text, '', c.collowner
	FROM pg_collation c
	JOIN pg_namespace n ON n.oid = c.collnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_collation" "c.oid"}}
	UNION ALL
	SELECT 'event_trigger', '', e.evtname::text, '', e.evtowner
	FROM pg_event_trigger e
	WHERE {{notExtensionMember "pg_event_trigger" "e.oid"}}
	UNION ALL
	SELECT 'publication', '', p.pubname::text, '', p.pubowner
	FROM pg_publication p
	WHERE {{notExtensionMember "pg_publication" "p.oid"}}
	UNION ALL
	SELECT 'foreign_data_wrapper', '', w.fdwname::text, '', w.fdwowner
	FROM pg_foreign_data_wrapper w
	WHERE {{notExtensionMember "pg_foreign_data_wrapper" "w.oid"}}
	UNION ALL
	SELECT 'server', '', s.srvname::text, '', s.srvowner
	FROM pg_foreign_server s
	WHERE {{notExtensionMember "pg_foreign_server" "s.oid"}}
	UNION ALL
	-- Procedural languages made outside an extension.
	SELECT 'language', '', l.lanname::text, '', l.lanowner
	FROM pg_language l
	WHERE l.oid >= 16384 AND l.lanispl AND {{notExtensionMember "pg_language" "l.oid"}}
) o
ORDER BY 1, 2, 3, 4
