-- The catalog snapshot of the fidelity check (snapshot.go): every property a
-- user can set on an object renovate manages, one row per (object,
-- property), straight from the system catalogs and PostgreSQL's own
-- pg_get_*def deparsers, never from renovate's model. Two databases with
-- the same user-visible schema give the same rows.
--
-- Columns: kind, schema and name identify the top-level object (the table
-- of a column, index, constraint, trigger or policy) so the caller can
-- apply an environment's filter; object is pg_describe_object's name for
-- the object itself; property names the catalog column ("pg_class.reloptions")
-- or the deparser ("pg_get_viewdef") the value comes from; value is its
-- text, NULL meaning unset.
--
-- Privileges are compared relative to the owner (the owner's own entries
-- read "<owner>"), so they compare equal when only the owner differs; the
-- owner is a property of its own. The session runs with search_path =
-- pg_catalog (settings.sql), so every user name comes out schema-qualified.
WITH rel AS (
	SELECT c.oid, c.relkind, c.relname, c.relowner, n.nspname,
		-- The top-level object: a sequence owned by a column (serial or
		-- identity) goes with its table.
		coalesce(own.kind, CASE c.relkind
			WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized_view'
			WHEN 'S' THEN 'sequence' ELSE 'table' END) AS topkind,
		coalesce(own.nspname, n.nspname) AS topschema,
		coalesce(own.relname, c.relname) AS topname
	FROM pg_class c
	JOIN pg_namespace n ON n.oid = c.relnamespace
	LEFT JOIN LATERAL (
		SELECT 'table'::text AS kind, tn.nspname, t.relname
		FROM pg_depend d
		JOIN pg_class t ON t.oid = d.refobjid
		JOIN pg_namespace tn ON tn.oid = t.relnamespace
		WHERE c.relkind = 'S' AND d.classid = 'pg_class'::regclass AND d.objid = c.oid
			AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
		LIMIT 1
	) own ON true
	WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
		AND {{userNamespace "n"}}
		AND {{notExtensionMember "pg_class" "c.oid"}}
)
SELECT 'schema', n.nspname, n.nspname,
	pg_describe_object('pg_namespace'::regclass, n.oid, 0), p.prop, p.val
FROM pg_namespace n,
LATERAL (VALUES
	('pg_namespace.nspowner', pg_get_userbyid(n.nspowner)::text),
	('pg_namespace.nspacl', {{relativeACL "n.nspacl" "n.nspowner" "'n'"}}),
	('pg_description', obj_description(n.oid, 'pg_namespace'))
) p(prop, val)
WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_namespace" "n.oid"}}

UNION ALL
SELECT 'extension', '', e.extname,
	pg_describe_object('pg_extension'::regclass, e.oid, 0), p.prop, p.val
FROM pg_extension e,
LATERAL (VALUES
	('pg_extension.extversion', e.extversion::text),
	('pg_extension.extnamespace', e.extnamespace::regnamespace::text),
	('pg_description', obj_description(e.oid, 'pg_extension'))
) p(prop, val)
WHERE e.extname <> 'plpgsql'

UNION ALL
SELECT r.topkind, r.topschema, r.topname,
	pg_describe_object('pg_class'::regclass, r.oid, 0), p.prop, p.val
FROM rel r
JOIN pg_class c ON c.oid = r.oid
LEFT JOIN pg_sequence s ON s.seqrelid = c.oid
LEFT JOIN pg_partitioned_table pt ON pt.partrelid = c.oid
LEFT JOIN pg_am am ON am.oid = c.relam
LEFT JOIN pg_tablespace ts ON ts.oid = c.reltablespace,
LATERAL (VALUES
	('pg_class.relkind', c.relkind::text),
	('pg_class.relpersistence', c.relpersistence::text),
	('pg_class.relowner', pg_get_userbyid(c.relowner)::text),
	('pg_class.relacl', {{relativeACL "c.relacl" "c.relowner" "CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::\"char\""}}),
	('pg_class.reloptions', array_to_string(c.reloptions, ', ')),
	('pg_class.relreplident', CASE WHEN c.relkind IN ('r', 'p', 'm') THEN c.relreplident::text END),
	('pg_class.relrowsecurity', c.relrowsecurity::text),
	('pg_class.relforcerowsecurity', c.relforcerowsecurity::text),
	('pg_class.relispartition', c.relispartition::text),
	('pg_class.relpartbound', pg_get_expr(c.relpartbound, c.oid)),
	('pg_class.relam', am.amname::text),
	('pg_class.reltablespace', ts.spcname::text),
	('pg_class.relispopulated', CASE WHEN c.relkind = 'm' THEN c.relispopulated::text END),
	('pg_class.reloftype', CASE WHEN c.reloftype <> 0 THEN format_type(c.reloftype, NULL) END),
	('pg_partitioned_table', CASE WHEN pt.partrelid IS NOT NULL THEN pg_get_partkeydef(c.oid) END),
	('pg_inherits', (SELECT string_agg(i.inhparent::regclass::text, ', ' ORDER BY i.inhseqno)
		FROM pg_inherits i WHERE i.inhrelid = c.oid AND NOT c.relispartition)),
	('pg_get_viewdef', CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END),
	('pg_sequence.seqtypid', format_type(s.seqtypid, NULL)),
	('pg_sequence.seqstart', s.seqstart::text),
	('pg_sequence.seqincrement', s.seqincrement::text),
	('pg_sequence.seqmin', s.seqmin::text),
	('pg_sequence.seqmax', s.seqmax::text),
	('pg_sequence.seqcache', s.seqcache::text),
	('pg_sequence.seqcycle', s.seqcycle::text),
	('pg_depend (OWNED BY)', CASE WHEN c.relkind = 'S' THEN (
		SELECT d.refobjid::regclass::text || '.' || quote_ident(a.attname) || CASE d.deptype WHEN 'i' THEN ' (identity)' ELSE '' END
		FROM pg_depend d
		JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
		WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
			AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
		LIMIT 1) END),
	('pg_description', obj_description(c.oid, 'pg_class'))
) p(prop, val)

UNION ALL
SELECT r.topkind, r.topschema, r.topname,
	pg_describe_object('pg_class'::regclass, a.attrelid, a.attnum), p.prop, p.val
FROM rel r
JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type ty ON ty.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum,
LATERAL (VALUES
	('pg_attribute.atttypid', format_type(a.atttypid, a.atttypmod)),
	('pg_attribute.attnum (position)', (SELECT count(*) FROM pg_attribute b
		WHERE b.attrelid = a.attrelid AND b.attnum > 0 AND b.attnum <= a.attnum AND NOT b.attisdropped)::text),
	('pg_attribute.attnotnull', a.attnotnull::text),
	('pg_attribute.attidentity', a.attidentity::text),
	('pg_attribute.attgenerated', a.attgenerated::text),
	('pg_attrdef.adbin', pg_get_expr(d.adbin, d.adrelid)),
	('pg_attribute.attstattarget', coalesce(a.attstattarget::int, -1)::text),
	('pg_attribute.attstorage', CASE WHEN a.attstorage <> ty.typstorage THEN a.attstorage::text END),
{{- if ge .Version 140000}}
	('pg_attribute.attcompression', a.attcompression::text),
{{- end}}
	('pg_attribute.attoptions', array_to_string(a.attoptions, ', ')),
	('pg_attribute.attcollation', CASE WHEN a.attcollation <> ty.typcollation THEN a.attcollation::regcollation::text END),
	('pg_attribute.attacl', {{relativeACL "a.attacl" "r.relowner" ""}}),
	('pg_attribute.attislocal', a.attislocal::text),
	('pg_description', col_description(a.attrelid, a.attnum))
) p(prop, val)
WHERE r.relkind <> 'S'

UNION ALL
SELECT r.topkind, r.topschema, r.topname,
	pg_describe_object('pg_class'::regclass, i.indexrelid, 0), p.prop, p.val
FROM rel r
JOIN pg_index i ON i.indrelid = r.oid
JOIN pg_class ic ON ic.oid = i.indexrelid,
LATERAL (VALUES
	('pg_get_indexdef', pg_get_indexdef(i.indexrelid)),
	('pg_index.indisclustered', i.indisclustered::text),
	('pg_index.indisreplident', i.indisreplident::text),
	('pg_class.reloptions', array_to_string(ic.reloptions, ', ')),
	('pg_attribute.attstattarget', (SELECT string_agg(coalesce(ia.attstattarget::int, -1)::text, ', ' ORDER BY ia.attnum)
		FROM pg_attribute ia WHERE ia.attrelid = i.indexrelid)),
	('pg_inherits', (SELECT string_agg(h.inhparent::regclass::text, ', ')
		FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)),
	('pg_description', obj_description(i.indexrelid, 'pg_class'))
) p(prop, val)

UNION ALL
SELECT r.topkind, r.topschema, r.topname,
	pg_describe_object('pg_constraint'::regclass, k.oid, 0), p.prop, p.val
FROM rel r
JOIN pg_constraint k ON k.conrelid = r.oid,
LATERAL (VALUES
	('pg_get_constraintdef', pg_get_constraintdef(k.oid)),
	('pg_constraint.conislocal', k.conislocal::text),
	('pg_constraint.conparentid', (SELECT pg_describe_object('pg_constraint'::regclass, pk.oid, 0)
		FROM pg_constraint pk WHERE pk.oid = k.conparentid)),
	('pg_description', obj_description(k.oid, 'pg_constraint'))
) p(prop, val)

UNION ALL
SELECT r.topkind, r.topschema, r.topname,
	pg_describe_object('pg_trigger'::regclass, g.oid, 0), p.prop, p.val
FROM rel r
JOIN pg_trigger g ON g.tgrelid = r.oid AND NOT g.tgisinternal,
LATERAL (VALUES
	('pg_get_triggerdef', pg_get_triggerdef(g.oid)),
	('pg_trigger.tgenabled', g.tgenabled::text),
	('pg_description', obj_description(g.oid, 'pg_trigger'))
) p(prop, val)

UNION ALL
SELECT r.topkind, r.topschema, r.topname,
	pg_describe_object('pg_policy'::regclass, pol.oid, 0), p.prop, p.val
FROM rel r
JOIN pg_policy pol ON pol.polrelid = r.oid,
LATERAL (VALUES
	('pg_policy.polpermissive', pol.polpermissive::text),
	('pg_policy.polcmd', pol.polcmd::text),
	('pg_policy.polroles', (SELECT string_agg(r, ', ' ORDER BY r) FROM (
		SELECT CASE WHEN x = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(x)) END AS r
		FROM unnest(pol.polroles) x) s)),
	('pg_policy.polqual', pg_get_expr(pol.polqual, pol.polrelid)),
	('pg_policy.polwithcheck', pg_get_expr(pol.polwithcheck, pol.polrelid)),
	('pg_description', obj_description(pol.oid, 'pg_policy'))
) p(prop, val)

UNION ALL
SELECT CASE f.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, n.nspname, f.proname,
	pg_describe_object('pg_proc'::regclass, f.oid, 0), p.prop, p.val
FROM pg_proc f
JOIN pg_namespace n ON n.oid = f.pronamespace,
LATERAL (VALUES
	('pg_get_functiondef', pg_get_functiondef(f.oid)),
	('pg_proc.proowner', pg_get_userbyid(f.proowner)::text),
	('pg_proc.proacl', {{relativeACL "f.proacl" "f.proowner" "'f'"}}),
	('pg_description', obj_description(f.oid, 'pg_proc'))
) p(prop, val)
WHERE f.prokind IN ('f', 'p', 'w')
	AND {{userNamespace "n"}} AND {{notExtensionMember "pg_proc" "f.oid"}}

UNION ALL
-- Privileges on the routines of extensions: GRANT and REVOKE on them are
-- the user's (pg_dump writes them from the difference to pg_init_privs).
SELECT 'extension', '', e.extname,
	pg_describe_object('pg_proc'::regclass, f.oid, 0), 'pg_proc.proacl', {{relativeACL "f.proacl" "f.proowner" "'f'"}}
FROM pg_proc f
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = f.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid

UNION ALL
SELECT 'extension', '', e.extname,
	pg_describe_object('pg_class'::regclass, c.oid, 0), 'pg_class.relacl',
	{{relativeACL "c.relacl" "c.relowner" "CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::\"char\""}}
FROM pg_class c
JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid

UNION ALL
SELECT 'type', n.nspname, t.typname,
	pg_describe_object('pg_type'::regclass, t.oid, 0), p.prop, p.val
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_range rg ON rg.rngtypid = t.oid,
LATERAL (VALUES
	('pg_type.typtype', t.typtype::text),
	('pg_type.typowner', pg_get_userbyid(t.typowner)::text),
	('pg_type.typacl', {{relativeACL "t.typacl" "t.typowner" "'T'"}}),
	('pg_enum', (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
		FROM pg_enum e WHERE e.enumtypid = t.oid)),
	('pg_type.typbasetype', CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END),
	('pg_type.typnotnull', CASE WHEN t.typtype = 'd' THEN t.typnotnull::text END),
	('pg_type.typdefault', t.typdefault),
	('pg_type.typcollation', CASE WHEN t.typtype = 'd' AND t.typcollation <> (SELECT b.typcollation FROM pg_type b WHERE b.oid = t.typbasetype)
		THEN t.typcollation::regcollation::text END),
	('pg_range.rngsubtype', format_type(rg.rngsubtype, NULL)),
	('pg_range.rngsubopc', (SELECT quote_ident(oc.opcname) FROM pg_opclass oc WHERE oc.oid = rg.rngsubopc)),
	('pg_range.rngcollation', CASE WHEN rg.rngcollation <> 0 THEN rg.rngcollation::regcollation::text END),
	('pg_range.rngcanonical', CASE WHEN rg.rngcanonical <> 0 THEN rg.rngcanonical::regproc::text END),
	('pg_range.rngsubdiff', CASE WHEN rg.rngsubdiff <> 0 THEN rg.rngsubdiff::regproc::text END),
{{- if ge .Version 140000}}
	('pg_range.rngmultitypid', CASE WHEN rg.rngmultitypid <> 0 THEN rg.rngmultitypid::regtype::text END),
{{- end}}
	('pg_description', obj_description(t.oid, 'pg_type'))
) p(prop, val)
WHERE (t.typtype IN ('e', 'd', 'r')
		OR (t.typtype = 'c' AND (SELECT tc.relkind FROM pg_class tc WHERE tc.oid = t.typrelid) = 'c'))
	AND {{userNamespace "n"}} AND {{notExtensionMember "pg_type" "t.oid"}}

UNION ALL
-- The attributes of composite types.
SELECT 'type', n.nspname, t.typname,
	pg_describe_object('pg_class'::regclass, a.attrelid, a.attnum), p.prop, p.val
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_class tc ON tc.oid = t.typrelid AND tc.relkind = 'c'
JOIN pg_attribute a ON a.attrelid = tc.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type ty ON ty.oid = a.atttypid,
LATERAL (VALUES
	('pg_attribute.atttypid', format_type(a.atttypid, a.atttypmod)),
	('pg_attribute.attnum (position)', (SELECT count(*) FROM pg_attribute b
		WHERE b.attrelid = a.attrelid AND b.attnum > 0 AND b.attnum <= a.attnum AND NOT b.attisdropped)::text),
	('pg_attribute.attcollation', CASE WHEN a.attcollation <> ty.typcollation THEN a.attcollation::regcollation::text END),
	('pg_description', col_description(a.attrelid, a.attnum))
) p(prop, val)
WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_type" "t.oid"}}

UNION ALL
SELECT 'type', n.nspname, t.typname,
	pg_describe_object('pg_constraint'::regclass, k.oid, 0), p.prop, p.val
FROM pg_constraint k
JOIN pg_type t ON t.oid = k.contypid
JOIN pg_namespace n ON n.oid = t.typnamespace,
LATERAL (VALUES
	('pg_get_constraintdef', pg_get_constraintdef(k.oid)),
	('pg_description', obj_description(k.oid, 'pg_constraint'))
) p(prop, val)
WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_type" "t.oid"}}

UNION ALL
SELECT 'collation', n.nspname, co.collname,
	pg_describe_object('pg_collation'::regclass, co.oid, 0), p.prop, p.val
FROM pg_collation co
JOIN pg_namespace n ON n.oid = co.collnamespace,
LATERAL (VALUES
	('pg_collation.collprovider', co.collprovider::text),
	('pg_collation.collisdeterministic', co.collisdeterministic::text),
	('pg_collation.collcollate', co.collcollate::text),
	('pg_collation.collctype', co.collctype::text),
{{- if ge .Version 170000}}
	('pg_collation.colllocale', co.colllocale::text),
{{- else if ge .Version 150000}}
	('pg_collation.colllocale', co.colliculocale::text),
{{- end}}
{{- if ge .Version 160000}}
	('pg_collation.collicurules', co.collicurules::text),
{{- end}}
	('pg_collation.collowner', pg_get_userbyid(co.collowner)::text),
	('pg_description', obj_description(co.oid, 'pg_collation'))
) p(prop, val)
WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_collation" "co.oid"}}

UNION ALL
SELECT 'default_privilege', coalesce(n.nspname, ''), pg_get_userbyid(da.defaclrole)::text,
	pg_describe_object('pg_default_acl'::regclass, da.oid, 0), 'pg_default_acl.defaclacl',
	(SELECT string_agg(e, ', ' ORDER BY e) FROM (
		SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(x.grantee)) END
			|| '=' || x.privilege_type || CASE WHEN x.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END AS e
		FROM aclexplode(da.defaclacl) x) s)
FROM pg_default_acl da
LEFT JOIN pg_namespace n ON n.oid = da.defaclnamespace

UNION ALL
SELECT 'publication', '', pb.pubname,
	pg_describe_object('pg_publication'::regclass, pb.oid, 0), p.prop, p.val
FROM pg_publication pb,
LATERAL (VALUES
	('pg_publication.puballtables', pb.puballtables::text),
	('pg_publication.pubactions', concat_ws(', ', CASE WHEN pb.pubinsert THEN 'insert' END, CASE WHEN pb.pubupdate THEN 'update' END,
		CASE WHEN pb.pubdelete THEN 'delete' END, CASE WHEN pb.pubtruncate THEN 'truncate' END)),
	('pg_publication.pubviaroot', pb.pubviaroot::text),
{{- if ge .Version 180000}}
	('pg_publication.pubgencols', pb.pubgencols::text),
{{- end}}
	('pg_publication.pubowner', pg_get_userbyid(pb.pubowner)::text),
	('pg_publication_rel', (SELECT string_agg(pr.prrelid::regclass::text
{{- if ge .Version 150000}}
			|| coalesce(' (' || (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a
				WHERE a.attrelid = pr.prrelid AND a.attnum = ANY (pr.prattrs)) || ')', '')
			|| coalesce(' WHERE ' || pg_get_expr(pr.prqual, pr.prrelid), '')
{{- end}}
		, ', ' ORDER BY pr.prrelid::regclass::text) FROM pg_publication_rel pr WHERE pr.prpubid = pb.oid)),
{{- if ge .Version 150000}}
	('pg_publication_namespace', (SELECT string_agg(pn.pnnspid::regnamespace::text, ', ' ORDER BY pn.pnnspid::regnamespace::text)
		FROM pg_publication_namespace pn WHERE pn.pnpubid = pb.oid)),
{{- end}}
	('pg_description', obj_description(pb.oid, 'pg_publication'))
) p(prop, val)

UNION ALL
SELECT 'event_trigger', '', et.evtname,
	pg_describe_object('pg_event_trigger'::regclass, et.oid, 0), p.prop, p.val
FROM pg_event_trigger et,
LATERAL (VALUES
	('pg_event_trigger.evtevent', et.evtevent::text),
	('pg_event_trigger.evtfoid', et.evtfoid::regproc::text),
	('pg_event_trigger.evtenabled', et.evtenabled::text),
	('pg_event_trigger.evttags', array_to_string(et.evttags, ', ')),
	('pg_event_trigger.evtowner', pg_get_userbyid(et.evtowner)::text),
	('pg_description', obj_description(et.oid, 'pg_event_trigger'))
) p(prop, val)
WHERE {{notExtensionMember "pg_event_trigger" "et.oid"}}

UNION ALL
-- Settings of the database itself (ALTER DATABASE ... SET, ALTER ROLE ...
-- IN DATABASE ... SET): renovate's files do not hold the database, so
-- these are reported when set.
SELECT 'database', '', '', 'database settings', 'pg_db_role_setting',
	(SELECT string_agg(coalesce(quote_ident(pg_get_userbyid(nullif(s.setrole, 0))) || ': ', '') || array_to_string(s.setconfig, ', '), '; ' ORDER BY s.setrole)
		FROM pg_db_role_setting s
		WHERE s.setdatabase = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database()))

UNION ALL
-- Security labels need a label provider module; where one is loaded
-- they are reported, never round-tripped.
SELECT 'database', '', '', pl.objtype || ' ' || pl.objname, 'pg_seclabel (' || pl.provider || ')', pl.label
FROM pg_seclabels pl
WHERE pl.objtype <> 'role' AND pl.objtype <> 'database' AND pl.objtype <> 'tablespace'
