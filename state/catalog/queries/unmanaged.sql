-- Objects of kinds renovate does not manage, as (kind, name) rows sorted by
-- kind and name, so init and plan can name every one instead of silently
-- leaving them out. Objects that belong to an extension are the
-- extension's (CREATE EXTENSION manages them) and are not listed; nor are
-- built-in objects (OIDs below FirstNormalObjectId, 16384, for the kinds
-- that have no schema). Names are quoted where needed.
SELECT kind, name FROM (
	-- Base types made with input and output functions, and shell types
	-- (CREATE TYPE name;). Array types come with their element type.
	SELECT CASE t.typtype WHEN 'p' THEN 'shell type' ELSE 'base type' END AS kind,
		quote_ident(n.nspname) || '.' || quote_ident(t.typname) AS name
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
