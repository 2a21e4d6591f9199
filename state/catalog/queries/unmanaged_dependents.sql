-- Managed objects that use, directly or through other objects, an object of
-- a kind renovate does not manage (see unmanaged.sql): a column of a base
-- type, and everything that in turn depends on those. Plan
-- verification cannot rebuild them in a scratch copy made from renovate's
-- model, which lacks what they use, so it leaves them out and says so.
-- Rows: (kind, schema, table, name, cause), cause being the unmanaged
-- object as pg_identify_object names it ("aggregate public.f(integer)"). Extension members are skipped.
WITH RECURSIVE roots(classid, objid) AS (
	SELECT 'pg_type'::regclass, t.oid FROM pg_type t
	WHERE t.typtype IN ('b', 'p') AND t.oid >= 16384
		AND NOT EXISTS (SELECT FROM pg_type e WHERE e.typarray = t.oid)
		AND {{notExtensionMember "pg_type" "t.oid"}}
),
held(classid, objid, cause) AS (
	SELECT r.classid, r.objid, (SELECT i.type || ' ' || i.identity FROM pg_identify_object(r.classid, r.objid, 0) i) FROM roots r
UNION
	-- A dependent goes with what it depends on. Rules, column defaults,
	-- a table's row type and a domain's constraints stand for their
	-- relation or domain.
	SELECT m.classid, m.objid, h.cause
	FROM held h
	JOIN pg_depend d ON d.refclassid = h.classid AND d.refobjid = h.objid
		AND d.deptype NOT IN ('e', 'x', 'p')
	CROSS JOIN LATERAL (
		SELECT CASE
				WHEN d.classid IN ('pg_rewrite'::regclass, 'pg_attrdef'::regclass) THEN 'pg_class'::regclass
				WHEN d.classid = 'pg_constraint'::regclass
					AND (SELECT contypid FROM pg_constraint WHERE oid = d.objid) <> 0 THEN 'pg_type'::regclass
				WHEN d.classid = 'pg_type'::regclass
					AND (SELECT typrelid FROM pg_type WHERE oid = d.objid) <> 0 THEN 'pg_class'::regclass
				ELSE d.classid::regclass
			END AS classid,
			CASE
				WHEN d.classid = 'pg_rewrite'::regclass THEN (SELECT ev_class FROM pg_rewrite WHERE oid = d.objid)
				WHEN d.classid = 'pg_attrdef'::regclass THEN (SELECT adrelid FROM pg_attrdef WHERE oid = d.objid)
				WHEN d.classid = 'pg_constraint'::regclass
					AND (SELECT contypid FROM pg_constraint WHERE oid = d.objid) <> 0 THEN (SELECT contypid FROM pg_constraint WHERE oid = d.objid)
				WHEN d.classid = 'pg_type'::regclass
					AND (SELECT typrelid FROM pg_type WHERE oid = d.objid) <> 0 THEN (SELECT typrelid FROM pg_type WHERE oid = d.objid)
				ELSE d.objid
			END AS objid
	) m
)
SELECT DISTINCT ON (kind, schema, tbl, name) kind, schema, tbl, name, cause FROM (
	SELECT CASE c.relkind
			WHEN 'r' THEN 'table' WHEN 'p' THEN 'table'
			WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized_view'
			WHEN 'i' THEN 'index' WHEN 'I' THEN 'index'
			WHEN 'S' THEN 'sequence' WHEN 'c' THEN 'type'
		END AS kind,
		n.nspname::text AS schema,
		CASE WHEN c.relkind IN ('i', 'I') THEN
			(SELECT ic.relname::text FROM pg_index x JOIN pg_class ic ON ic.oid = x.indrelid WHERE x.indexrelid = c.oid)
		ELSE '' END AS tbl,
		c.relname::text AS name, h.cause
	FROM held h
	JOIN pg_class c ON h.classid = 'pg_class'::regclass AND c.oid = h.objid
	JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE c.relkind IN ('r', 'p', 'v', 'm', 'i', 'I', 'S', 'c')
		AND {{userNamespace "n"}} AND {{notExtensionMember "pg_class" "c.oid"}}
UNION ALL
	SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
		n.nspname::text, '', p.proname::text, h.cause
	FROM held h
	JOIN pg_proc p ON h.classid = 'pg_proc'::regclass AND p.oid = h.objid
	JOIN pg_namespace n ON n.oid = p.pronamespace
	WHERE p.prokind IN ('f', 'p', 'w')
		AND {{userNamespace "n"}} AND {{notExtensionMember "pg_proc" "p.oid"}}
UNION ALL
	SELECT 'type', n.nspname::text, '', t.typname::text, h.cause
	FROM held h
	JOIN pg_type t ON h.classid = 'pg_type'::regclass AND t.oid = h.objid
	JOIN pg_namespace n ON n.oid = t.typnamespace
	WHERE t.typtype IN ('d', 'e', 'r')
		AND {{userNamespace "n"}} AND {{notExtensionMember "pg_type" "t.oid"}}
UNION ALL
	SELECT 'constraint', n.nspname::text, c.relname::text, k.conname::text, h.cause
	FROM held h
	JOIN pg_constraint k ON h.classid = 'pg_constraint'::regclass AND k.oid = h.objid
	JOIN pg_class c ON c.oid = k.conrelid
	JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE {{userNamespace "n"}}
UNION ALL
	SELECT 'trigger', n.nspname::text, c.relname::text, g.tgname::text, h.cause
	FROM held h
	JOIN pg_trigger g ON h.classid = 'pg_trigger'::regclass AND g.oid = h.objid
	JOIN pg_class c ON c.oid = g.tgrelid
	JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE NOT g.tgisinternal AND {{userNamespace "n"}}
UNION ALL
	SELECT 'policy', n.nspname::text, c.relname::text, y.polname::text, h.cause
	FROM held h
	JOIN pg_policy y ON h.classid = 'pg_policy'::regclass AND y.oid = h.objid
	JOIN pg_class c ON c.oid = y.polrelid
	JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE {{userNamespace "n"}}
) o
ORDER BY kind, schema, tbl, name, cause
