-- Standalone composite types (CREATE TYPE ... AS (...)): typtype 'c' whose
-- relation is relkind 'c'. The row types of tables, views and so on are
-- typtype 'c' too but belong to their relation. Attributes come in attnum
-- order without dropped ones; a collation is reported only when it is not
-- the attribute type's default.
SELECT
	t.oid,
	t.typrelid,
	n.nspname::text,
	t.typname::text,
	ARRAY(
		SELECT a.attnum FROM pg_attribute a
		WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
	),
	ARRAY(
		SELECT a.attname::text FROM pg_attribute a
		WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
	),
	ARRAY(
		SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
		WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
	),
	ARRAY(
		SELECT CASE WHEN a.attcollation <> at.typcollation THEN (
			SELECT
				CASE WHEN cn.nspname = 'pg_catalog' THEN '' ELSE quote_ident(cn.nspname) || '.' END
				|| quote_ident(co.collname)
			FROM pg_collation co
			JOIN pg_namespace cn ON cn.oid = co.collnamespace
			WHERE co.oid = a.attcollation
		) ELSE '' END
		FROM pg_attribute a
		JOIN pg_type at ON at.oid = a.atttypid
		WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
	)
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_class c ON c.oid = t.typrelid
WHERE t.typtype = 'c'
	AND c.relkind = 'c'
	AND {{userNamespace "n"}}
	AND {{notExtensionMember "pg_type" "t.oid"}}
ORDER BY n.nspname, t.typname
