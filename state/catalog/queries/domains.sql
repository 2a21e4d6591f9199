-- Domains with their CHECK constraints (sorted by name). The collation is
-- reported only when it is not the base type's, as COLLATE in CREATE
-- DOMAIN set it. NOT NULL is typnotnull (PostgreSQL 17's contype 'n'
-- constraint rows of domains are not read). The default is printed from
-- its expression tree, as pg_dump does.
SELECT
	t.oid,
	n.nspname::text,
	t.typname::text,
	format_type(t.typbasetype, t.typtypmod),
	CASE WHEN t.typcollation <> bt.typcollation THEN (
		SELECT
			CASE WHEN cn.nspname = 'pg_catalog' THEN '' ELSE quote_ident(cn.nspname) || '.' END
			|| quote_ident(co.collname)
		FROM pg_collation co
		JOIN pg_namespace cn ON cn.oid = co.collnamespace
		WHERE co.oid = t.typcollation
	) ELSE '' END,
	coalesce(pg_get_expr(t.typdefaultbin, 0), t.typdefault, ''),
	t.typnotnull,
	ARRAY(
		SELECT k.oid FROM pg_constraint k
		WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname
	),
	ARRAY(
		SELECT k.conname::text FROM pg_constraint k
		WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname
	),
	ARRAY(
		SELECT coalesce(pg_get_constraintdef(k.oid), '') FROM pg_constraint k
		WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname
	)
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_type bt ON bt.oid = t.typbasetype
WHERE t.typtype = 'd'
	AND {{userNamespace "n"}}
	AND {{notExtensionMember "pg_type" "t.oid"}}
ORDER BY n.nspname, t.typname
