-- Objects of kinds renovate does not manage, as (kind, name) rows sorted by
-- kind and name, so init and plan can name every one instead of silently
-- leaving them out. Objects that belong to an extension are the
-- extension's (CREATE EXTENSION manages them) and are not listed; nor are
-- built-in objects (OIDs below FirstNormalObjectId, 16384, for the kinds
-- that have no schema). Names are quoted where needed.
SELECT kind, name FROM (
	SELECT 'text search configuration' AS kind, quote_ident(n.nspname) || '.' || quote_ident(x.cfgname) AS name
	FROM pg_ts_config x
	JOIN pg_namespace n ON n.oid = x.cfgnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_ts_config" "x.oid"}}
UNION ALL
	SELECT 'text search dictionary', quote_ident(n.nspname) || '.' || quote_ident(x.dictname)
	FROM pg_ts_dict x
	JOIN pg_namespace n ON n.oid = x.dictnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_ts_dict" "x.oid"}}
UNION ALL
	SELECT 'text search parser', quote_ident(n.nspname) || '.' || quote_ident(x.prsname)
	FROM pg_ts_parser x
	JOIN pg_namespace n ON n.oid = x.prsnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_ts_parser" "x.oid"}}
UNION ALL
	SELECT 'text search template', quote_ident(n.nspname) || '.' || quote_ident(x.tmplname)
	FROM pg_ts_template x
	JOIN pg_namespace n ON n.oid = x.tmplnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_ts_template" "x.oid"}}
UNION ALL
	SELECT 'operator', quote_ident(n.nspname) || '.' || o.oprname || '('
		|| CASE WHEN o.oprleft = 0 THEN 'NONE' ELSE format_type(o.oprleft, NULL) END || ', '
		|| CASE WHEN o.oprright = 0 THEN 'NONE' ELSE format_type(o.oprright, NULL) END || ')'
	FROM pg_operator o
	JOIN pg_namespace n ON n.oid = o.oprnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_operator" "o.oid"}}
UNION ALL
	SELECT 'operator class', quote_ident(n.nspname) || '.' || quote_ident(x.opcname)
		|| ' USING ' || quote_ident(am.amname)
	FROM pg_opclass x
	JOIN pg_namespace n ON n.oid = x.opcnamespace
	JOIN pg_am am ON am.oid = x.opcmethod
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_opclass" "x.oid"}}
UNION ALL
	SELECT 'operator family', quote_ident(n.nspname) || '.' || quote_ident(x.opfname)
		|| ' USING ' || quote_ident(am.amname)
	FROM pg_opfamily x
	JOIN pg_namespace n ON n.oid = x.opfnamespace
	JOIN pg_am am ON am.oid = x.opfmethod
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_opfamily" "x.oid"}}
UNION ALL
	SELECT 'cast', '(' || format_type(x.castsource, NULL) || ' AS ' || format_type(x.casttarget, NULL) || ')'
	FROM pg_cast x
	WHERE x.oid >= 16384 AND {{notExtensionMember "pg_cast" "x.oid"}}
		-- Casts a range type makes for its multirange belong to it.
		AND NOT EXISTS (
			SELECT FROM pg_depend i
			WHERE i.classid = 'pg_cast'::regclass AND i.objid = x.oid AND i.deptype = 'i'
		)
UNION ALL
	SELECT 'transform', 'FOR ' || format_type(x.trftype, NULL) || ' LANGUAGE ' || quote_ident(l.lanname)
	FROM pg_transform x
	JOIN pg_language l ON l.oid = x.trflang
	WHERE x.oid >= 16384 AND {{notExtensionMember "pg_transform" "x.oid"}}
UNION ALL
	SELECT 'access method', quote_ident(x.amname)
	FROM pg_am x
	WHERE x.oid >= 16384 AND {{notExtensionMember "pg_am" "x.oid"}}
UNION ALL
	SELECT 'language', quote_ident(x.lanname)
	FROM pg_language x
	WHERE x.lanname NOT IN ('plpgsql', 'sql', 'c', 'internal')
		AND {{notExtensionMember "pg_language" "x.oid"}}
UNION ALL
	SELECT 'rule', quote_ident(r.rulename) || ' on ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)
	FROM pg_rewrite r
	JOIN pg_class c ON c.oid = r.ev_class
	JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE r.rulename <> '_RETURN'
		AND {{userNamespace "n"}}
		AND {{notExtensionMember "pg_rewrite" "r.oid"}}
		AND {{notExtensionMember "pg_class" "c.oid"}}
UNION ALL
	SELECT 'statistics object', quote_ident(n.nspname) || '.' || quote_ident(x.stxname)
	FROM pg_statistic_ext x
	JOIN pg_namespace n ON n.oid = x.stxnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_statistic_ext" "x.oid"}}
UNION ALL
	SELECT 'aggregate',
		quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')'
	FROM pg_proc p
	JOIN pg_namespace n ON n.oid = p.pronamespace
	WHERE p.prokind = 'a'
		AND {{userNamespace "n"}}
		AND {{notExtensionMember "pg_proc" "p.oid"}}
UNION ALL
	SELECT 'conversion', quote_ident(n.nspname) || '.' || quote_ident(x.conname)
	FROM pg_conversion x
	JOIN pg_namespace n ON n.oid = x.connamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_conversion" "x.oid"}}
UNION ALL
	-- Base types made with input and output functions, and shell types
	-- (CREATE TYPE name;). Array types come with their element type.
	SELECT CASE t.typtype WHEN 'p' THEN 'shell type' ELSE 'base type' END,
		quote_ident(n.nspname) || '.' || quote_ident(t.typname)
	FROM pg_type t
	JOIN pg_namespace n ON n.oid = t.typnamespace
	WHERE t.typtype IN ('b', 'p')
		AND NOT EXISTS (SELECT FROM pg_type e WHERE e.typarray = t.oid)
		AND {{userNamespace "n"}}
		AND {{notExtensionMember "pg_type" "t.oid"}}
) o
ORDER BY kind, name
