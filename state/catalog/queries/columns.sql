-- Columns of ordinary tables in attnum order. attnum <= 0 are system columns
-- (ctid, xmin, ...); dropped columns stay in pg_attribute as
-- "........pg.dropped.N........" until the table is rewritten.
--
-- The collation is reported only when it differs from the type's default,
-- mirroring what COLLATE in the column definition did. The default
-- expression of a generated column is its generation expression; identity
-- columns have no pg_attrdef row at all.
--
-- The collation is a correlated subquery, evaluated only for the few
-- columns with an explicit collation.
--
-- attislocal is false for a column a child table only inherits (every
-- column of a partition). attstorage is reported only where it differs
-- from the type's typstorage; attcompression exists from PostgreSQL 14 on
-- ('' is the server's default_toast_compression).
--
-- attstattarget is the statistics target ALTER COLUMN ... SET STATISTICS
-- gave the column: -1 until PostgreSQL 17, NULL from 17 on, for the
-- default. attoptions are its attribute options (n_distinct ...), in the
-- order the server keeps them.
SELECT
	a.attrelid,
	a.attnum,
	a.attname::text,
	format_type(a.atttypid, a.atttypmod),
	CASE WHEN a.attcollation <> t.typcollation THEN (
		SELECT
			CASE WHEN cn.nspname = 'pg_catalog' THEN '' ELSE quote_ident(cn.nspname) || '.' END
			|| quote_ident(co.collname)
		FROM pg_collation co
		JOIN pg_namespace cn ON cn.oid = co.collnamespace
		WHERE co.oid = a.attcollation
	) ELSE '' END,
	a.attnotnull,
	a.attidentity::text,
	a.attgenerated::text,
	coalesce(pg_get_expr(ad.adbin, ad.adrelid), ''),
	a.attislocal AND NOT c.relispartition,
	CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage::text ELSE '' END,
{{- if ge .Version 140000}}
	a.attcompression::text,
{{- else}}
	'',
{{- end}}
	coalesce(a.attstattarget::int4, -1),
	coalesce(a.attoptions, '{}'),
	coalesce(a.attfdwoptions, '{}')
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
WHERE a.attnum > 0
	AND NOT a.attisdropped
	AND {{ordinaryTable "c" "n"}}
ORDER BY a.attrelid, a.attnum
