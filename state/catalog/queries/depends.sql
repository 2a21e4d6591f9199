-- What the objects of the database depend on, as pg_depend records it,
-- where the planner cannot read it from the definitions' text: an index,
-- a view or a constraint naming a text search configuration through a
-- regconfig constant, an operator, an operator class, a collation or a
-- routine reached through an operator or a cast. A plan that drops (or
-- drops to create again) the referenced object must drop and create
-- again the dependents that stay (planner/catalogdeps.go).
--
-- Only normal dependencies ('n') on objects of the database's own count:
-- not on pg_catalog's (OIDs below FirstNormalObjectId, 16384), not on an
-- extension's members. Relations as referenced objects are left out: the
-- parser reads every relation a definition names.
--
-- Each row is a dependent (kind, schema, table, name: the planner's
-- object key) and a referenced object (class, schema, name: the
-- planner's dependency node, planner/depends.go).
WITH refs AS (
	SELECT d.classid, d.objid, d.objsubid,
		CASE d.refclassid
			WHEN 'pg_proc'::regclass THEN 'routine'
			WHEN 'pg_type'::regclass THEN 'type'
			WHEN 'pg_collation'::regclass THEN 'collation'
			WHEN 'pg_operator'::regclass THEN 'operator'
			WHEN 'pg_opclass'::regclass THEN 'operator_class'
			WHEN 'pg_opfamily'::regclass THEN 'operator_family'
			WHEN 'pg_ts_config'::regclass THEN 'text_search_configuration'
			WHEN 'pg_ts_dict'::regclass THEN 'text_search_dictionary'
		END AS ref_class,
		COALESCE(pn.nspname, tn.nspname, cn.nspname, opn.nspname, ocn.nspname, ofn.nspname, tcn.nspname, tdn.nspname)::text AS ref_schema,
		COALESCE(p.proname, t.typname, c.collname, op.oprname, oc.opcname, ofa.opfname, tc.cfgname, td.dictname)::text AS ref_name
	FROM pg_depend d
	LEFT JOIN pg_proc p ON d.refclassid = 'pg_proc'::regclass AND p.oid = d.refobjid
	LEFT JOIN pg_namespace pn ON pn.oid = p.pronamespace
	LEFT JOIN pg_type t ON d.refclassid = 'pg_type'::regclass AND t.oid = d.refobjid
	LEFT JOIN pg_namespace tn ON tn.oid = t.typnamespace
	LEFT JOIN pg_collation c ON d.refclassid = 'pg_collation'::regclass AND c.oid = d.refobjid
	LEFT JOIN pg_namespace cn ON cn.oid = c.collnamespace
	LEFT JOIN pg_operator op ON d.refclassid = 'pg_operator'::regclass AND op.oid = d.refobjid
	LEFT JOIN pg_namespace opn ON opn.oid = op.oprnamespace
	LEFT JOIN pg_opclass oc ON d.refclassid = 'pg_opclass'::regclass AND oc.oid = d.refobjid
	LEFT JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
	LEFT JOIN pg_opfamily ofa ON d.refclassid = 'pg_opfamily'::regclass AND ofa.oid = d.refobjid
	LEFT JOIN pg_namespace ofn ON ofn.oid = ofa.opfnamespace
	LEFT JOIN pg_ts_config tc ON d.refclassid = 'pg_ts_config'::regclass AND tc.oid = d.refobjid
	LEFT JOIN pg_namespace tcn ON tcn.oid = tc.cfgnamespace
	LEFT JOIN pg_ts_dict td ON d.refclassid = 'pg_ts_dict'::regclass AND td.oid = d.refobjid
	LEFT JOIN pg_namespace tdn ON tdn.oid = td.dictnamespace
	WHERE (d.deptype = 'n'
			-- PostgreSQL 13 records a generated column's expression as
			-- an automatic dependency of the column itself: dropping what
			-- it uses drops the column, silently.
			OR d.deptype = 'a' AND d.classid = 'pg_class'::regclass AND d.objsubid > 0)
		AND d.refobjid >= 16384
		AND d.refclassid IN ('pg_proc'::regclass, 'pg_type'::regclass, 'pg_collation'::regclass,
			'pg_operator'::regclass, 'pg_opclass'::regclass, 'pg_opfamily'::regclass,
			'pg_ts_config'::regclass, 'pg_ts_dict'::regclass)
		AND d.classid IN ('pg_class'::regclass, 'pg_rewrite'::regclass, 'pg_attrdef'::regclass,
			'pg_constraint'::regclass, 'pg_trigger'::regclass, 'pg_policy'::regclass)
		AND NOT EXISTS (
			SELECT FROM pg_depend e
			WHERE e.classid = d.refclassid AND e.objid = d.refobjid AND e.deptype = 'e'
		)
),
deps AS (
	-- Indexes, or the constraint an index backs.
	SELECT CASE WHEN con.oid IS NOT NULL THEN 'constraint' ELSE 'index' END AS kind,
		n.nspname::text AS schema, tr.relname::text AS tbl,
		COALESCE(con.conname, ic.relname)::text AS name, r.ref_class, r.ref_schema, r.ref_name
	FROM refs r
	JOIN pg_class ic ON r.classid = 'pg_class'::regclass AND ic.oid = r.objid AND ic.relkind IN ('i', 'I')
	JOIN pg_index i ON i.indexrelid = ic.oid
	JOIN pg_class tr ON tr.oid = i.indrelid
	JOIN pg_namespace n ON n.oid = tr.relnamespace
	LEFT JOIN pg_constraint con ON con.conindid = ic.oid AND con.conrelid = tr.oid AND con.contype IN ('p', 'u', 'x')
	UNION ALL
	-- Views and materialized views (their _RETURN rule); rules.
	SELECT CASE WHEN rw.rulename = '_RETURN' THEN CASE vc.relkind WHEN 'm' THEN 'materialized_view' ELSE 'view' END ELSE 'rule' END,
		n.nspname::text,
		CASE WHEN rw.rulename = '_RETURN' THEN '' ELSE vc.relname::text END,
		CASE WHEN rw.rulename = '_RETURN' THEN vc.relname ELSE rw.rulename END::text,
		r.ref_class, r.ref_schema, r.ref_name
	FROM refs r
	JOIN pg_rewrite rw ON r.classid = 'pg_rewrite'::regclass AND rw.oid = r.objid
	JOIN pg_class vc ON vc.oid = rw.ev_class
	JOIN pg_namespace n ON n.oid = vc.relnamespace
	UNION ALL
	-- Generation expressions on PostgreSQL 13 (above); not a column's
	-- type or collation, which are the column's own.
	SELECT 'column', n.nspname::text, tr.relname::text, a.attname::text, r.ref_class, r.ref_schema, r.ref_name
	FROM refs r
	JOIN pg_class tr ON r.classid = 'pg_class'::regclass AND tr.oid = r.objid AND r.objsubid > 0 AND tr.relkind IN ('r', 'p')
	JOIN pg_namespace n ON n.oid = tr.relnamespace
	JOIN pg_attribute a ON a.attrelid = tr.oid AND a.attnum = r.objsubid
	WHERE r.ref_class NOT IN ('type', 'collation')
	UNION ALL
	-- Column defaults and generation expressions.
	SELECT 'column', n.nspname::text, tr.relname::text, a.attname::text, r.ref_class, r.ref_schema, r.ref_name
	FROM refs r
	JOIN pg_attrdef ad ON r.classid = 'pg_attrdef'::regclass AND ad.oid = r.objid
	JOIN pg_class tr ON tr.oid = ad.adrelid
	JOIN pg_namespace n ON n.oid = tr.relnamespace
	JOIN pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
	UNION ALL
	-- Constraints of tables, and of domains (table is then empty, and
	-- schema and name are the domain's; the constraint is the
	-- 'domain_constraint' row's own name after a dot).
	SELECT CASE WHEN con.contypid <> 0 THEN 'domain_constraint' ELSE 'constraint' END,
		n.nspname::text,
		COALESCE(tr.relname, ty.typname)::text,
		con.conname::text, r.ref_class, r.ref_schema, r.ref_name
	FROM refs r
	JOIN pg_constraint con ON r.classid = 'pg_constraint'::regclass AND con.oid = r.objid
	LEFT JOIN pg_class tr ON tr.oid = con.conrelid
	LEFT JOIN pg_type ty ON ty.oid = con.contypid
	JOIN pg_namespace n ON n.oid = COALESCE(tr.relnamespace, ty.typnamespace)
	UNION ALL
	SELECT 'trigger', n.nspname::text, tr.relname::text, tg.tgname::text, r.ref_class, r.ref_schema, r.ref_name
	FROM refs r
	JOIN pg_trigger tg ON r.classid = 'pg_trigger'::regclass AND tg.oid = r.objid AND NOT tg.tgisinternal
	JOIN pg_class tr ON tr.oid = tg.tgrelid
	JOIN pg_namespace n ON n.oid = tr.relnamespace
	UNION ALL
	SELECT 'policy', n.nspname::text, tr.relname::text, pol.polname::text, r.ref_class, r.ref_schema, r.ref_name
	FROM refs r
	JOIN pg_policy pol ON r.classid = 'pg_policy'::regclass AND pol.oid = r.objid
	JOIN pg_class tr ON tr.oid = pol.polrelid
	JOIN pg_namespace n ON n.oid = tr.relnamespace
)
SELECT DISTINCT kind, schema, tbl, name, ref_class, ref_schema, ref_name
FROM deps
WHERE ref_class IS NOT NULL
ORDER BY 1, 2, 3, 4, 5, 6, 7
