-- Objects of kinds renovate does not manage, as (kind, name) rows sorted by
-- kind and name, so init and plan can name every one instead of silently
-- leaving them out. Objects that belong to an extension are the
-- extension's (CREATE EXTENSION manages them) and are not listed; nor are
-- built-in objects (OIDs below FirstNormalObjectId, 16384, for the kinds
-- that have no schema). Names are quoted where needed.
SELECT kind, name FROM (
	-- Operator classes and families of an access method made by hand
	-- (defobjects.sql writes the others).
	SELECT 'operator class' AS kind, quote_ident(n.nspname) || '.' || quote_ident(x.opcname)
		|| ' USING ' || quote_ident(am.amname) AS name
	FROM pg_opclass x
	JOIN pg_namespace n ON n.oid = x.opcnamespace
	JOIN pg_am am ON am.oid = x.opcmethod
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_opclass" "x.oid"}}
		AND am.oid >= 16384 AND {{notExtensionMember "pg_am" "am.oid"}}
UNION ALL
	SELECT 'operator family', quote_ident(n.nspname) || '.' || quote_ident(x.opfname)
		|| ' USING ' || quote_ident(am.amname)
	FROM pg_opfamily x
	JOIN pg_namespace n ON n.oid = x.opfnamespace
	JOIN pg_am am ON am.oid = x.opfmethod
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_opfamily" "x.oid"}}
		AND am.oid >= 16384 AND {{notExtensionMember "pg_am" "am.oid"}}
UNION ALL
	SELECT 'access method', quote_ident(x.amname)
	FROM pg_am x
	WHERE x.oid >= 16384 AND {{notExtensionMember "pg_am" "x.oid"}}
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
{{- if not .Subscriptions}}
UNION ALL
	-- Subscriptions whose definition the role may not read (see
	-- subscriptions.sql); their names are readable by everyone.
	SELECT 'subscription', quote_ident(s.subname)
	FROM pg_subscription s
	WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())
{{- end}}
) o
ORDER BY kind, name
