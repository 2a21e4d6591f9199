-- Views (relkind 'v') and materialized views ('m') in user schemas, not
-- extension members. Comments come from comments.sql.
--
-- pg_get_viewdef(oid) prints the query as pg_dump does, with every
-- parenthesis of the stored tree. The pretty form (pg_get_viewdef(oid,
-- true), psql's \d+) leaves out parentheses it deems redundant and loses
-- nesting the rule keeps: a = 1 AND (b = 2 AND c = 3) is one AND nested
-- in another, and reading the pretty text back gives a single flat AND, a
-- different tree. With search_path = pg_catalog (settings.sql) every relation, function
-- and type outside pg_catalog comes out schema-qualified. reloptions hold
-- a view's security_barrier, security_invoker and check_option (WITH
-- CHECK OPTION is stored as check_option) and a materialized view's
-- storage parameters.
--
-- The output columns with their types (and collations that differ from
-- the type's default) tell the planner whether CREATE OR REPLACE VIEW can
-- change a view in place; their numbers match column comments. Their
-- defaults (ALTER VIEW ... ALTER COLUMN ... SET DEFAULT) come as
-- pg_get_expr prints them, '' for none.
SELECT
	c.oid,
	n.nspname::text,
	c.relname::text,
	c.relkind = 'm',
	pg_get_viewdef(c.oid),
	coalesce(c.reloptions, '{}')::text[],
	coalesce(cols.nums, '{}'),
	coalesce(cols.names, '{}'),
	coalesce(cols.types, '{}'),
	coalesce(cols.defaults, '{}'),
	coalesce(deps.schemas, '{}'),
	coalesce(deps.relations, '{}'),
	coalesce(deps.columns, '{}'),
	coalesce(deps.constraints, '{}'),
	-- A materialized view's tablespace, '' for the database's default.
	coalesce((SELECT ts.spcname::text FROM pg_tablespace ts WHERE ts.oid = c.reltablespace), '')
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN LATERAL (
	SELECT
		array_agg(a.attnum::int4 ORDER BY a.attnum) AS nums,
		array_agg(a.attname::text ORDER BY a.attnum) AS names,
		array_agg(
			format_type(a.atttypid, a.atttypmod)
			|| CASE WHEN a.attcollation <> t.typcollation THEN (
				SELECT
					' COLLATE '
					|| CASE WHEN cn.nspname = 'pg_catalog' THEN '' ELSE quote_ident(cn.nspname) || '.' END
					|| quote_ident(co.collname)
				FROM pg_collation co
				JOIN pg_namespace cn ON cn.oid = co.collnamespace
				WHERE co.oid = a.attcollation
			) ELSE '' END
			ORDER BY a.attnum
		) AS types,
		array_agg(coalesce(pg_get_expr(ad.adbin, ad.adrelid), '') ORDER BY a.attnum) AS defaults
	FROM pg_attribute a
	JOIN pg_type t ON t.oid = a.atttypid
	LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
	WHERE a.attrelid = c.oid
		AND a.attnum > 0
		AND NOT a.attisdropped
) cols ON true
-- What the view's rewrite rule depends on: every relation in its range
-- table whose columns it does not read (PostgreSQL drops a whole-relation
-- dependency that column dependencies imply), every column it reads, and
-- the constraints it relies on (a primary key that lets GROUP BY leave out
-- functionally dependent columns), each as schema, relation, column and
-- constraint name. The rule's dependency on its own view is left out.
LEFT JOIN LATERAL (
	SELECT
		array_agg(dep.nspname ORDER BY dep.nspname, dep.relname, dep.attname, dep.conname) AS schemas,
		array_agg(dep.relname ORDER BY dep.nspname, dep.relname, dep.attname, dep.conname) AS relations,
		array_agg(dep.attname ORDER BY dep.nspname, dep.relname, dep.attname, dep.conname) AS columns,
		array_agg(dep.conname ORDER BY dep.nspname, dep.relname, dep.attname, dep.conname) AS constraints
	FROM pg_rewrite rw
	JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = rw.oid
	CROSS JOIN LATERAL (
		SELECT rn.nspname::text, rc.relname::text, coalesce(ra.attname::text, '') AS attname, '' AS conname
		FROM pg_class rc
		JOIN pg_namespace rn ON rn.oid = rc.relnamespace
		LEFT JOIN pg_attribute ra ON ra.attrelid = rc.oid
			AND ra.attnum = d.refobjsubid
			AND d.refobjsubid > 0
		WHERE d.refclassid = 'pg_class'::regclass
			AND rc.oid = d.refobjid
			AND d.refobjid <> c.oid
		UNION ALL
		SELECT cn.nspname::text, cc.relname::text, '', co.conname::text
		FROM pg_constraint co
		JOIN pg_class cc ON cc.oid = co.conrelid
		JOIN pg_namespace cn ON cn.oid = cc.relnamespace
		WHERE d.refclassid = 'pg_constraint'::regclass
			AND co.oid = d.refobjid
	) dep
	WHERE rw.ev_class = c.oid
) deps ON true
WHERE c.relkind IN ('v', 'm')
	AND {{userNamespace "n"}}
	AND {{notExtensionMember "pg_class" "c.oid"}}
