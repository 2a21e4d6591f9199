-- Objects renovate manages whose owner is not the connecting role, with
-- their owner: owners are not managed (files carry no OWNER TO), so a
-- rebuild from the files gives them to whoever applies the files. The
-- caller names them in a warning.
--
-- The public schema is left out while its owner is what a new database
-- gives it (pg_database_owner since PostgreSQL 15, the bootstrap superuser
-- before). Extension members belong to the extension.
SELECT kind, name, pg_get_userbyid(ownerid)::text
FROM (
	SELECT 'schema' AS kind, quote_ident(n.nspname) AS name, n.nspowner AS ownerid
	FROM pg_namespace n
	WHERE {{userNamespace "n"}}
		AND NOT (n.nspname = 'public' AND n.nspowner IN (10, 6171))
		AND {{notExtensionMember "pg_namespace" "n.oid"}}
	UNION ALL
	SELECT CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'table' END,
		quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relowner
	FROM pg_class c
	JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
		AND {{userNamespace "n"}}
		AND {{notExtensionMember "pg_class" "c.oid"}}
		-- Serial and identity sequences go with their table.
		AND NOT (c.relkind = 'S' AND EXISTS (
			SELECT FROM pg_depend d
			WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')
		))
	UNION ALL
	SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
		quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.proowner
	FROM pg_proc p
	JOIN pg_namespace n ON n.oid = p.pronamespace
	WHERE p.prokind IN ('f', 'p', 'w')
		AND {{userNamespace "n"}}
		AND {{notExtensionMember "pg_proc" "p.oid"}}
	UNION ALL
	SELECT 'type', quote_ident(n.nspname) || '.' || quote_ident(t.typname), t.typowner
	FROM pg_type t
	JOIN pg_namespace n ON n.oid = t.typnamespace
	LEFT JOIN pg_class c ON c.oid = t.typrelid
	WHERE (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND c.relkind = 'c'))
		AND {{userNamespace "n"}}
		AND {{notExtensionMember "pg_type" "t.oid"}}
	UNION ALL
	SELECT 'language', quote_ident(l.lanname), l.lanowner
	FROM pg_language l
	WHERE l.oid >= 16384 AND l.lanispl AND {{notExtensionMember "pg_language" "l.oid"}}
	UNION ALL
	SELECT 'aggregate', quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.proowner
	FROM pg_proc p
	JOIN pg_namespace n ON n.oid = p.pronamespace
	WHERE p.prokind = 'a' AND {{userNamespace "n"}} AND {{notExtensionMember "pg_proc" "p.oid"}}
	UNION ALL
	SELECT 'operator', quote_ident(n.nspname) || '.' || o.oprname
		|| '(' || coalesce(format_type(nullif(o.oprleft, 0), NULL), 'NONE') || ', ' || coalesce(format_type(nullif(o.oprright, 0), NULL), 'NONE') || ')', o.oprowner
	FROM pg_operator o
	JOIN pg_namespace n ON n.oid = o.oprnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_operator" "o.oid"}}
	UNION ALL
	SELECT 'operator class', quote_ident(n.nspname) || '.' || quote_ident(c.opcname) || ' USING ' || quote_ident(am.amname), c.opcowner
	FROM pg_opclass c
	JOIN pg_namespace n ON n.oid = c.opcnamespace
	JOIN pg_am am ON am.oid = c.opcmethod
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_opclass" "c.oid"}}
	UNION ALL
	SELECT 'operator family', quote_ident(n.nspname) || '.' || quote_ident(f.opfname) || ' USING ' || quote_ident(am.amname), f.opfowner
	FROM pg_opfamily f
	JOIN pg_namespace n ON n.oid = f.opfnamespace
	JOIN pg_am am ON am.oid = f.opfmethod
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_opfamily" "f.oid"}}
	UNION ALL
	SELECT 'collation', quote_ident(n.nspname) || '.' || quote_ident(c.collname), c.collowner
	FROM pg_collation c
	JOIN pg_namespace n ON n.oid = c.collnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_collation" "c.oid"}}
	UNION ALL
	SELECT 'conversion', quote_ident(n.nspname) || '.' || quote_ident(c.conname), c.conowner
	FROM pg_conversion c
	JOIN pg_namespace n ON n.oid = c.connamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_conversion" "c.oid"}}
	UNION ALL
	SELECT 'statistics', quote_ident(n.nspname) || '.' || quote_ident(x.stxname), x.stxowner
	FROM pg_statistic_ext x
	JOIN pg_namespace n ON n.oid = x.stxnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_statistic_ext" "x.oid"}}
	UNION ALL
	SELECT 'text search configuration', quote_ident(n.nspname) || '.' || quote_ident(c.cfgname), c.cfgowner
	FROM pg_ts_config c
	JOIN pg_namespace n ON n.oid = c.cfgnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_ts_config" "c.oid"}}
	UNION ALL
	SELECT 'text search dictionary', quote_ident(n.nspname) || '.' || quote_ident(d.dictname), d.dictowner
	FROM pg_ts_dict d
	JOIN pg_namespace n ON n.oid = d.dictnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_ts_dict" "d.oid"}}
	UNION ALL
	SELECT 'event trigger', quote_ident(e.evtname), e.evtowner
	FROM pg_event_trigger e
	WHERE {{notExtensionMember "pg_event_trigger" "e.oid"}}
	UNION ALL
	SELECT 'publication', quote_ident(p.pubname), p.pubowner
	FROM pg_publication p
	WHERE {{notExtensionMember "pg_publication" "p.oid"}}
	UNION ALL
	SELECT 'foreign-data wrapper', quote_ident(w.fdwname), w.fdwowner
	FROM pg_foreign_data_wrapper w
	WHERE {{notExtensionMember "pg_foreign_data_wrapper" "w.oid"}}
	UNION ALL
	SELECT 'server', quote_ident(s.srvname), s.srvowner
	FROM pg_foreign_server s
	WHERE {{notExtensionMember "pg_foreign_server" "s.oid"}}
) o
WHERE o.ownerid <> (SELECT oid FROM pg_roles WHERE rolname = current_user)
ORDER BY 1, 2
