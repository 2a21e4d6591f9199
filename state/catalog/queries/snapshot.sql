-- The catalog snapshot of the fidelity check (snapshot.go): every property a
-- user can set on an object renovate manages, one row per (object,
-- property), straight from the system catalogs and PostgreSQL's own
-- pg_get_*def deparsers, never from renovate's model. Two databases with
-- the same user-visible schema give the same rows.
--
-- One row per object: kind, schema and name identify the top-level object
-- (the table of a column, index, constraint, trigger or policy) so the
-- caller can apply an environment's filter; object is pg_describe_object's
-- name for the object itself (computed once per object, the costly part);
-- then two parallel arrays: the properties, each naming the catalog column
-- ("pg_class.reloptions") or the deparser ("pg_get_viewdef") its value
-- comes from, and their values as text, NULL meaning unset.
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
	WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
		AND {{userNamespace "n"}}
		AND {{notExtensionMember "pg_class" "c.oid"}}
)
SELECT 'schema', n.nspname, n.nspname,
	pg_describe_object('pg_namespace'::regclass, n.oid, 0), ARRAY[
		'pg_namespace.nspowner',
		'pg_namespace.nspacl',
		'pg_description'
	]::text[], ARRAY[
		(pg_get_userbyid(n.nspowner)::text)::text,
		({{relativeACL "n.nspacl" "n.nspowner" "'n'"}})::text,
		(obj_description(n.oid, 'pg_namespace'))::text
	]
FROM pg_namespace n
WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_namespace" "n.oid"}}

UNION ALL
SELECT 'extension', '', e.extname,
	pg_describe_object('pg_extension'::regclass, e.oid, 0), ARRAY[
		'pg_extension.extversion',
		'pg_extension.extnamespace',
		'pg_description'
	]::text[], ARRAY[
		(e.extversion::text)::text,
		(e.extnamespace::regnamespace::text)::text,
		(obj_description(e.oid, 'pg_extension'))::text
	]
FROM pg_extension e
WHERE e.extname <> 'plpgsql'

UNION ALL
SELECT r.topkind, r.topschema, r.topname,
	pg_describe_object('pg_class'::regclass, r.oid, 0), ARRAY[
		'pg_class.relkind',
		'pg_class.relpersistence',
		'pg_class.relowner',
		'pg_class.relacl',
		'pg_class.reloptions',
		'pg_class.relreplident',
		'pg_class.relrowsecurity',
		'pg_class.relforcerowsecurity',
		'pg_class.relispartition',
		'pg_class.relpartbound',
		'pg_class.relam',
		'pg_class.reltablespace',
		'pg_class.relispopulated',
		'pg_class.reloftype',
		'pg_partitioned_table',
		'pg_inherits',
		'pg_get_viewdef',
		'pg_sequence.seqtypid',
		'pg_sequence.seqstart',
		'pg_sequence.seqincrement',
		'pg_sequence.seqmin',
		'pg_sequence.seqmax',
		'pg_sequence.seqcache',
		'pg_sequence.seqcycle',
		'pg_depend (OWNED BY)',
		'pg_foreign_table.ftserver',
		'pg_foreign_table.ftoptions',
		'pg_description'
	]::text[], ARRAY[
		(c.relkind::text)::text,
		(c.relpersistence::text)::text,
		(pg_get_userbyid(c.relowner)::text)::text,
		({{relativeACL "c.relacl" "c.relowner" "CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::\"char\""}})::text,
		(array_to_string(c.reloptions, ', '))::text,
		(CASE WHEN c.relkind IN ('r', 'p', 'm') THEN c.relreplident::text END)::text,
		(c.relrowsecurity::text)::text,
		(c.relforcerowsecurity::text)::text,
		(c.relispartition::text)::text,
		(pg_get_expr(c.relpartbound, c.oid))::text,
		(am.amname::text)::text,
		(ts.spcname::text)::text,
		(CASE WHEN c.relkind = 'm' THEN c.relispopulated::text END)::text,
		(CASE WHEN c.reloftype <> 0 THEN format_type(c.reloftype, NULL) END)::text,
		(CASE WHEN pt.partrelid IS NOT NULL THEN pg_get_partkeydef(c.oid) END)::text,
		((SELECT string_agg(i.inhparent::regclass::text, ', ' ORDER BY i.inhseqno)
		FROM pg_inherits i WHERE i.inhrelid = c.oid AND NOT c.relispartition))::text,
		(CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END)::text,
		(format_type(s.seqtypid, NULL))::text,
		(s.seqstart::text)::text,
		(s.seqincrement::text)::text,
		(s.seqmin::text)::text,
		(s.seqmax::text)::text,
		(s.seqcache::text)::text,
		(s.seqcycle::text)::text,
		(CASE WHEN c.relkind = 'S' THEN (
		SELECT d.refobjid::regclass::text || '.' || quote_ident(a.attname) || CASE d.deptype WHEN 'i' THEN ' (identity)' ELSE '' END
		FROM pg_depend d
		JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
		WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
			AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
		LIMIT 1) END)::text,
		((SELECT fs.srvname::text FROM pg_foreign_table ft JOIN pg_foreign_server fs ON fs.oid = ft.ftserver WHERE ft.ftrelid = c.oid))::text,
		((SELECT array_to_string(ft.ftoptions, ', ') FROM pg_foreign_table ft WHERE ft.ftrelid = c.oid))::text,
		(obj_description(c.oid, 'pg_class'))::text
	]
FROM rel r
JOIN pg_class c ON c.oid = r.oid
LEFT JOIN pg_sequence s ON s.seqrelid = c.oid
LEFT JOIN pg_partitioned_table pt ON pt.partrelid = c.oid
LEFT JOIN pg_am am ON am.oid = c.relam
LEFT JOIN pg_tablespace ts ON ts.oid = c.reltablespace

UNION ALL
SELECT r.topkind, r.topschema, r.topname,
	pg_describe_object('pg_class'::regclass, a.attrelid, a.attnum), ARRAY[
		'pg_attribute.atttypid',
		'pg_attribute.attnum (position)',
		'pg_attribute.attnotnull',
		'pg_attribute.attidentity',
		'pg_attribute.attgenerated',
		'pg_attrdef.adbin',
		'pg_attribute.attstattarget',
		'pg_attribute.attstorage',
{{- if ge .Version 140000}}
		'pg_attribute.attcompression',
{{- end}}
		'pg_attribute.attoptions',
		'pg_attribute.attfdwoptions',
		'pg_attribute.attcollation',
		'pg_attribute.attacl',
		'pg_attribute.attislocal',
		'pg_description'
	]::text[], ARRAY[
		(format_type(a.atttypid, a.atttypmod))::text,
		((SELECT count(*) FROM pg_attribute b
		WHERE b.attrelid = a.attrelid AND b.attnum > 0 AND b.attnum <= a.attnum AND NOT b.attisdropped)::text)::text,
		(a.attnotnull::text)::text,
		(a.attidentity::text)::text,
		(a.attgenerated::text)::text,
		(pg_get_expr(d.adbin, d.adrelid))::text,
		(coalesce(a.attstattarget::int, -1)::text)::text,
		(CASE WHEN a.attstorage <> ty.typstorage THEN a.attstorage::text END)::text,
{{- if ge .Version 140000}}
		(a.attcompression::text)::text,
{{- end}}
		(array_to_string(a.attoptions, ', '))::text,
		(array_to_string(a.attfdwoptions, ', '))::text,
		(CASE WHEN a.attcollation <> ty.typcollation THEN a.attcollation::regcollation::text END)::text,
		({{relativeACL "a.attacl" "r.relowner" ""}})::text,
		(a.attislocal::text)::text,
		(col_description(a.attrelid, a.attnum))::text
	]
FROM rel r
JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type ty ON ty.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE r.relkind <> 'S'

UNION ALL
SELECT r.topkind, r.topschema, r.topname,
	pg_describe_object('pg_class'::regclass, i.indexrelid, 0), ARRAY[
		'pg_get_indexdef',
		'pg_index.indisclustered',
		'pg_index.indisreplident',
		'pg_class.reloptions',
		'pg_attribute.attstattarget',
		'pg_inherits',
		'pg_description'
	]::text[], ARRAY[
		(pg_get_indexdef(i.indexrelid))::text,
		(i.indisclustered::text)::text,
		(i.indisreplident::text)::text,
		(array_to_string(ic.reloptions, ', '))::text,
		((SELECT string_agg(coalesce(ia.attstattarget::int, -1)::text, ', ' ORDER BY ia.attnum)
		FROM pg_attribute ia WHERE ia.attrelid = i.indexrelid))::text,
		((SELECT string_agg(h.inhparent::regclass::text, ', ')
		FROM pg_inherits h WHERE h.inhrelid = i.indexrelid))::text,
		(obj_description(i.indexrelid, 'pg_class'))::text
	]
FROM rel r
JOIN pg_index i ON i.indrelid = r.oid
JOIN pg_class ic ON ic.oid = i.indexrelid

UNION ALL
SELECT r.topkind, r.topschema, r.topname,
	pg_describe_object('pg_constraint'::regclass, k.oid, 0), ARRAY[
		'pg_get_constraintdef',
		'pg_constraint.conislocal',
		'pg_constraint.conparentid',
		'pg_description'
	]::text[], ARRAY[
		(pg_get_constraintdef(k.oid))::text,
		(k.conislocal::text)::text,
		((SELECT pg_describe_object('pg_constraint'::regclass, pk.oid, 0)
		FROM pg_constraint pk WHERE pk.oid = k.conparentid))::text,
		(obj_description(k.oid, 'pg_constraint'))::text
	]
FROM rel r
JOIN pg_constraint k ON k.conrelid = r.oid
	-- NOT NULL is compared as pg_attribute.attnotnull; the names
	-- PostgreSQL 18 gives NOT NULL constraints are not managed.
	AND k.contype <> 'n'

UNION ALL
SELECT r.topkind, r.topschema, r.topname,
	pg_describe_object('pg_trigger'::regclass, g.oid, 0), ARRAY[
		'pg_get_triggerdef',
		'pg_trigger.tgenabled',
		'pg_description'
	]::text[], ARRAY[
		(pg_get_triggerdef(g.oid))::text,
		(g.tgenabled::text)::text,
		(obj_description(g.oid, 'pg_trigger'))::text
	]
FROM rel r
JOIN pg_trigger g ON g.tgrelid = r.oid AND NOT g.tgisinternal

UNION ALL
-- Rules (not the _RETURN rules of views, compared as pg_get_viewdef).
SELECT r.topkind, r.topschema, r.topname,
	pg_describe_object('pg_rewrite'::regclass, w.oid, 0), ARRAY[
		'pg_get_ruledef',
		'pg_rewrite.ev_enabled',
		'pg_description'
	]::text[], ARRAY[
		(pg_get_ruledef(w.oid))::text,
		(w.ev_enabled::text)::text,
		(obj_description(w.oid, 'pg_rewrite'))::text
	]
FROM rel r
JOIN pg_rewrite w ON w.ev_class = r.oid AND w.rulename <> '_RETURN'

UNION ALL
SELECT r.topkind, r.topschema, r.topname,
	pg_describe_object('pg_policy'::regclass, pol.oid, 0), ARRAY[
		'pg_policy.polpermissive',
		'pg_policy.polcmd',
		'pg_policy.polroles',
		'pg_policy.polqual',
		'pg_policy.polwithcheck',
		'pg_description'
	]::text[], ARRAY[
		(pol.polpermissive::text)::text,
		(pol.polcmd::text)::text,
		((SELECT string_agg(r, ', ' ORDER BY r) FROM (
		SELECT CASE WHEN x = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(x)) END AS r
		FROM unnest(pol.polroles) x) s))::text,
		(pg_get_expr(pol.polqual, pol.polrelid))::text,
		(pg_get_expr(pol.polwithcheck, pol.polrelid))::text,
		(obj_description(pol.oid, 'pg_policy'))::text
	]
FROM rel r
JOIN pg_policy pol ON pol.polrelid = r.oid

UNION ALL
SELECT CASE f.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, n.nspname, f.proname,
	pg_describe_object('pg_proc'::regclass, f.oid, 0), ARRAY[
		'pg_get_functiondef',
		'pg_proc.proowner',
		'pg_proc.proacl',
		'pg_description'
	]::text[], ARRAY[
		(pg_get_functiondef(f.oid))::text,
		(pg_get_userbyid(f.proowner)::text)::text,
		({{relativeACL "f.proacl" "f.proowner" "'f'"}})::text,
		(obj_description(f.oid, 'pg_proc'))::text
	]
FROM pg_proc f
JOIN pg_namespace n ON n.oid = f.pronamespace
WHERE f.prokind IN ('f', 'p', 'w')
	AND {{userNamespace "n"}} AND {{notExtensionMember "pg_proc" "f.oid"}}

UNION ALL
-- Privileges on the routines of extensions: GRANT and REVOKE on them are
-- the user's (pg_dump writes them from the difference to pg_init_privs).
SELECT 'extension', '', e.extname,
	pg_describe_object('pg_proc'::regclass, f.oid, 0), ARRAY['pg_proc.proacl'], ARRAY[{{relativeACL "f.proacl" "f.proowner" "'f'"}}]
FROM pg_proc f
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = f.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid

UNION ALL
SELECT 'extension', '', e.extname,
	pg_describe_object('pg_class'::regclass, c.oid, 0), ARRAY['pg_class.relacl'],
	ARRAY[{{relativeACL "c.relacl" "c.relowner" "CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::\"char\""}}]
FROM pg_class c
JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid

UNION ALL
SELECT 'type', n.nspname, t.typname,
	pg_describe_object('pg_type'::regclass, t.oid, 0), ARRAY[
		'pg_type.typtype',
		'pg_type.typowner',
		'pg_type.typacl',
		'pg_enum',
		'pg_type.typbasetype',
		'pg_type.typnotnull',
		'pg_type.typdefault',
		'pg_type.typcollation',
		'pg_range.rngsubtype',
		'pg_range.rngsubopc',
		'pg_range.rngcollation',
		'pg_range.rngcanonical',
		'pg_range.rngsubdiff',
{{- if ge .Version 140000}}
		'pg_range.rngmultitypid',
{{- end}}
		'pg_description'
	]::text[], ARRAY[
		(t.typtype::text)::text,
		(pg_get_userbyid(t.typowner)::text)::text,
		({{relativeACL "t.typacl" "t.typowner" "'T'"}})::text,
		((SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
		FROM pg_enum e WHERE e.enumtypid = t.oid))::text,
		(CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END)::text,
		(CASE WHEN t.typtype = 'd' THEN t.typnotnull::text END)::text,
		(t.typdefault)::text,
		(CASE WHEN t.typtype = 'd' AND t.typcollation <> (SELECT b.typcollation FROM pg_type b WHERE b.oid = t.typbasetype)
		THEN t.typcollation::regcollation::text END)::text,
		(format_type(rg.rngsubtype, NULL))::text,
		((SELECT quote_ident(oc.opcname) FROM pg_opclass oc WHERE oc.oid = rg.rngsubopc))::text,
		(CASE WHEN rg.rngcollation <> 0 THEN rg.rngcollation::regcollation::text END)::text,
		(CASE WHEN rg.rngcanonical <> 0 THEN rg.rngcanonical::regproc::text END)::text,
		(CASE WHEN rg.rngsubdiff <> 0 THEN rg.rngsubdiff::regproc::text END)::text,
{{- if ge .Version 140000}}
		(CASE WHEN rg.rngmultitypid <> 0 THEN rg.rngmultitypid::regtype::text END)::text,
{{- end}}
		(obj_description(t.oid, 'pg_type'))::text
	]
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_range rg ON rg.rngtypid = t.oid
WHERE (t.typtype IN ('e', 'd', 'r')
		OR (t.typtype = 'c' AND (SELECT tc.relkind FROM pg_class tc WHERE tc.oid = t.typrelid) = 'c'))
	AND {{userNamespace "n"}} AND {{notExtensionMember "pg_type" "t.oid"}}

UNION ALL
-- The attributes of composite types.
SELECT 'type', n.nspname, t.typname,
	pg_describe_object('pg_class'::regclass, a.attrelid, a.attnum), ARRAY[
		'pg_attribute.atttypid',
		'pg_attribute.attnum (position)',
		'pg_attribute.attcollation',
		'pg_description'
	]::text[], ARRAY[
		(format_type(a.atttypid, a.atttypmod))::text,
		((SELECT count(*) FROM pg_attribute b
		WHERE b.attrelid = a.attrelid AND b.attnum > 0 AND b.attnum <= a.attnum AND NOT b.attisdropped)::text)::text,
		(CASE WHEN a.attcollation <> ty.typcollation THEN a.attcollation::regcollation::text END)::text,
		(col_description(a.attrelid, a.attnum))::text
	]
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_class tc ON tc.oid = t.typrelid AND tc.relkind = 'c'
JOIN pg_attribute a ON a.attrelid = tc.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type ty ON ty.oid = a.atttypid
WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_type" "t.oid"}}

UNION ALL
SELECT 'type', n.nspname, t.typname,
	pg_describe_object('pg_constraint'::regclass, k.oid, 0), ARRAY[
		'pg_get_constraintdef',
		'pg_description'
	]::text[], ARRAY[
		(pg_get_constraintdef(k.oid))::text,
		(obj_description(k.oid, 'pg_constraint'))::text
	]
FROM pg_constraint k
JOIN pg_type t ON t.oid = k.contypid
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_type" "t.oid"}}

UNION ALL
SELECT 'collation', n.nspname, co.collname,
	pg_describe_object('pg_collation'::regclass, co.oid, 0), ARRAY[
		'pg_collation.collprovider',
		'pg_collation.collisdeterministic',
		'pg_collation.collcollate',
		'pg_collation.collctype',
{{- if ge .Version 170000}}
		'pg_collation.colllocale',
{{- else if ge .Version 150000}}
		'pg_collation.colllocale',
{{- end}}
{{- if ge .Version 160000}}
		'pg_collation.collicurules',
{{- end}}
		'pg_collation.collowner',
		'pg_description'
	]::text[], ARRAY[
		(co.collprovider::text)::text,
		(co.collisdeterministic::text)::text,
		(co.collcollate::text)::text,
		(co.collctype::text)::text,
{{- if ge .Version 170000}}
		(co.colllocale::text)::text,
{{- else if ge .Version 150000}}
		(co.colliculocale::text)::text,
{{- end}}
{{- if ge .Version 160000}}
		(co.collicurules::text)::text,
{{- end}}
		(pg_get_userbyid(co.collowner)::text)::text,
		(obj_description(co.oid, 'pg_collation'))::text
	]
FROM pg_collation co
JOIN pg_namespace n ON n.oid = co.collnamespace
WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_collation" "co.oid"}}

UNION ALL
-- Aggregates: pg_aggregate's columns in one text, names as regproc and
-- format_type print them.
SELECT 'aggregate', n.nspname, f.proname,
	pg_describe_object('pg_proc'::regclass, f.oid, 0), ARRAY[
		'pg_get_function_arguments',
		'pg_aggregate',
		'pg_proc.proparallel',
		'pg_proc.proowner',
		'pg_proc.proacl',
		'pg_description'
	]::text[], ARRAY[
		(pg_get_function_arguments(f.oid))::text,
		(concat_ws(' ', 'kind=' || a.aggkind::text, 'direct=' || a.aggnumdirectargs,
			'sfunc=' || a.aggtransfn::regproc, 'stype=' || format_type(a.aggtranstype, NULL), 'sspace=' || a.aggtransspace,
			'finalfunc=' || a.aggfinalfn::regproc, 'finalextra=' || a.aggfinalextra, 'finalmodify=' || a.aggfinalmodify::text,
			'combinefunc=' || a.aggcombinefn::regproc, 'serialfunc=' || a.aggserialfn::regproc, 'deserialfunc=' || a.aggdeserialfn::regproc,
			'initcond=' || quote_nullable(a.agginitval),
			'msfunc=' || a.aggmtransfn::regproc, 'minvfunc=' || a.aggminvtransfn::regproc, 'mstype=' || format_type(nullif(a.aggmtranstype, 0), NULL),
			'msspace=' || a.aggmtransspace, 'mfinalfunc=' || a.aggmfinalfn::regproc, 'mfinalextra=' || a.aggmfinalextra,
			'mfinalmodify=' || a.aggmfinalmodify::text, 'minitcond=' || quote_nullable(a.aggminitval),
			'sortop=' || a.aggsortop::regoperator))::text,
		(f.proparallel::text)::text,
		(pg_get_userbyid(f.proowner)::text)::text,
		({{relativeACL "f.proacl" "f.proowner" "'f'"}})::text,
		(obj_description(f.oid, 'pg_proc'))::text
	]
FROM pg_proc f
JOIN pg_aggregate a ON a.aggfnoid = f.oid
JOIN pg_namespace n ON n.oid = f.pronamespace
WHERE f.prokind = 'a'
	AND {{userNamespace "n"}} AND {{notExtensionMember "pg_proc" "f.oid"}}

UNION ALL
SELECT 'cast', '', format_type(c.castsource, NULL) || ' AS ' || format_type(c.casttarget, NULL),
	pg_describe_object('pg_cast'::regclass, c.oid, 0), ARRAY[
		'pg_cast.castfunc',
		'pg_cast.castcontext',
		'pg_cast.castmethod',
		'pg_description'
	]::text[], ARRAY[
		(nullif(c.castfunc, 0)::regprocedure::text)::text,
		(c.castcontext::text)::text,
		(c.castmethod::text)::text,
		(obj_description(c.oid, 'pg_cast'))::text
	]
FROM pg_cast c
WHERE c.oid >= 16384 AND {{notExtensionMember "pg_cast" "c.oid"}}
	AND NOT EXISTS (SELECT FROM pg_depend i WHERE i.classid = 'pg_cast'::regclass AND i.objid = c.oid AND i.deptype = 'i')

UNION ALL
-- Conversions.
SELECT 'conversion', n.nspname, c.conname,
	pg_describe_object('pg_conversion'::regclass, c.oid, 0), ARRAY[
		'pg_conversion.conforencoding',
		'pg_conversion.contoencoding',
		'pg_conversion.conproc',
		'pg_conversion.condefault',
		'pg_conversion.conowner',
		'pg_description'
	]::text[], ARRAY[
		(pg_encoding_to_char(c.conforencoding))::text,
		(pg_encoding_to_char(c.contoencoding))::text,
		(c.conproc::regprocedure::text)::text,
		(c.condefault::text)::text,
		(pg_get_userbyid(c.conowner)::text)::text,
		(obj_description(c.oid, 'pg_conversion'))::text
	]
FROM pg_conversion c
JOIN pg_namespace n ON n.oid = c.connamespace
WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_conversion" "c.oid"}}

UNION ALL
-- Access methods made by CREATE ACCESS METHOD (not built in, not an
-- extension's).
SELECT 'access_method', '', a.amname,
	pg_describe_object('pg_am'::regclass, a.oid, 0), ARRAY[
		'pg_am.amtype',
		'pg_am.amhandler',
		'pg_description'
	]::text[], ARRAY[
		(a.amtype::text)::text,
		(a.amhandler::regprocedure::text)::text,
		(obj_description(a.oid, 'pg_am'))::text
	]
FROM pg_am a
WHERE a.oid >= 16384 AND {{notExtensionMember "pg_am" "a.oid"}}

UNION ALL
-- Operators (not shell operators, which carry nothing but a name).
SELECT 'operator', n.nspname, o.oprname,
	pg_describe_object('pg_operator'::regclass, o.oid, 0), ARRAY[
		'pg_operator',
		'pg_operator.oprowner',
		'pg_description'
	]::text[], ARRAY[
		(concat_ws(' ', 'kind=' || o.oprkind::text, 'left=' || format_type(nullif(o.oprleft, 0), NULL),
			'right=' || format_type(nullif(o.oprright, 0), NULL), 'result=' || format_type(o.oprresult, NULL),
			'code=' || o.oprcode::regprocedure, 'com=' || nullif(o.oprcom, 0)::regoperator, 'negate=' || nullif(o.oprnegate, 0)::regoperator,
			'rest=' || nullif(o.oprrest, 0)::regprocedure, 'join=' || nullif(o.oprjoin, 0)::regprocedure,
			'canhash=' || o.oprcanhash, 'canmerge=' || o.oprcanmerge))::text,
		(pg_get_userbyid(o.oprowner)::text)::text,
		(obj_description(o.oid, 'pg_operator'))::text
	]
FROM pg_operator o
JOIN pg_namespace n ON n.oid = o.oprnamespace
WHERE o.oprcode <> 0 AND {{userNamespace "n"}} AND {{notExtensionMember "pg_operator" "o.oid"}}

UNION ALL
-- Operator families, with every member (loose or bound to one of the
-- family's classes, as pg_depend says) in pg_amop and pg_amproc.
SELECT 'operator_family', n.nspname, f.opfname,
	pg_describe_object('pg_opfamily'::regclass, f.oid, 0), ARRAY[
		'pg_amop',
		'pg_amproc',
		'pg_opfamily.opfowner',
		'pg_description'
	]::text[], ARRAY[
		(SELECT string_agg(concat_ws(' ', o.amopstrategy::text, format_type(o.amoplefttype, NULL), format_type(o.amoprighttype, NULL),
				o.amoppurpose::text, o.amopopr::regoperator::text, 'sort=' || (SELECT sf.opfname FROM pg_opfamily sf WHERE sf.oid = o.amopsortfamily),
				(SELECT CASE WHEN d.refclassid = 'pg_opclass'::regclass THEN 'class=' || (SELECT oc.opcname FROM pg_opclass oc WHERE oc.oid = d.refobjid) ELSE 'loose' END
					FROM pg_depend d WHERE d.classid = 'pg_amop'::regclass AND d.objid = o.oid
						AND d.refclassid IN ('pg_opclass'::regclass, 'pg_opfamily'::regclass) LIMIT 1)), '; '
				ORDER BY o.amopstrategy, format_type(o.amoplefttype, NULL), format_type(o.amoprighttype, NULL))
			FROM pg_amop o WHERE o.amopfamily = f.oid)::text,
		(SELECT string_agg(concat_ws(' ', p.amprocnum::text, format_type(p.amproclefttype, NULL), format_type(p.amprocrighttype, NULL),
				p.amproc::regprocedure::text,
				(SELECT CASE WHEN d.refclassid = 'pg_opclass'::regclass THEN 'class=' || (SELECT oc.opcname FROM pg_opclass oc WHERE oc.oid = d.refobjid) ELSE 'loose' END
					FROM pg_depend d WHERE d.classid = 'pg_amproc'::regclass AND d.objid = p.oid
						AND d.refclassid IN ('pg_opclass'::regclass, 'pg_opfamily'::regclass) LIMIT 1)), '; '
				ORDER BY p.amprocnum, format_type(p.amproclefttype, NULL), format_type(p.amprocrighttype, NULL))
			FROM pg_amproc p WHERE p.amprocfamily = f.oid)::text,
		(pg_get_userbyid(f.opfowner)::text)::text,
		(obj_description(f.oid, 'pg_opfamily'))::text
	]
FROM pg_opfamily f
JOIN pg_namespace n ON n.oid = f.opfnamespace
WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_opfamily" "f.oid"}}

UNION ALL
SELECT 'operator_class', n.nspname, c.opcname,
	pg_describe_object('pg_opclass'::regclass, c.oid, 0), ARRAY[
		'pg_opclass',
		'pg_opclass.opcowner',
		'pg_description'
	]::text[], ARRAY[
		(concat_ws(' ', 'default=' || c.opcdefault, 'type=' || format_type(c.opcintype, NULL),
			'storage=' || format_type(nullif(c.opckeytype, 0), NULL),
			'family=' || (SELECT f.opfnamespace::regnamespace::text || '.' || f.opfname FROM pg_opfamily f WHERE f.oid = c.opcfamily)))::text,
		(pg_get_userbyid(c.opcowner)::text)::text,
		(obj_description(c.oid, 'pg_opclass'))::text
	]
FROM pg_opclass c
JOIN pg_namespace n ON n.oid = c.opcnamespace
WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_opclass" "c.oid"}}

UNION ALL
SELECT 'statistics', n.nspname, x.stxname,
	pg_describe_object('pg_statistic_ext'::regclass, x.oid, 0), ARRAY[
		'pg_get_statisticsobjdef',
		'pg_statistic_ext.stxkind',
		'pg_statistic_ext.stxstattarget',
		'pg_statistic_ext.stxowner',
		'pg_description'
	]::text[], ARRAY[
		(pg_get_statisticsobjdef(x.oid))::text,
		(x.stxkind::text)::text,
		(nullif(x.stxstattarget, -1)::text)::text,
		(pg_get_userbyid(x.stxowner)::text)::text,
		(obj_description(x.oid, 'pg_statistic_ext'))::text
	]
FROM pg_statistic_ext x
JOIN pg_namespace n ON n.oid = x.stxnamespace
WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_statistic_ext" "x.oid"}}

UNION ALL
SELECT 'text_search_configuration', n.nspname, c.cfgname,
	pg_describe_object('pg_ts_config'::regclass, c.oid, 0), ARRAY[
		'pg_ts_config.cfgparser',
		'pg_ts_config_map',
		'pg_ts_config.cfgowner',
		'pg_description'
	]::text[], ARRAY[
		(SELECT p.prsnamespace::regnamespace::text || '.' || quote_ident(p.prsname) FROM pg_ts_parser p WHERE p.oid = c.cfgparser)::text,
		(SELECT string_agg(t.alias || ': ' || m.dicts, '; ' ORDER BY t.alias) FROM (
			SELECT m.maptokentype, string_agg(m.mapdict::regdictionary::text, ', ' ORDER BY m.mapseqno) AS dicts
			FROM pg_ts_config_map m WHERE m.mapcfg = c.oid GROUP BY m.maptokentype) m
			JOIN ts_token_type(c.cfgparser) t ON t.tokid = m.maptokentype)::text,
		(pg_get_userbyid(c.cfgowner)::text)::text,
		(obj_description(c.oid, 'pg_ts_config'))::text
	]
FROM pg_ts_config c
JOIN pg_namespace n ON n.oid = c.cfgnamespace
WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_ts_config" "c.oid"}}

UNION ALL
SELECT 'text_search_dictionary', n.nspname, d.dictname,
	pg_describe_object('pg_ts_dict'::regclass, d.oid, 0), ARRAY[
		'pg_ts_dict.dicttemplate',
		'pg_ts_dict.dictinitoption',
		'pg_ts_dict.dictowner',
		'pg_description'
	]::text[], ARRAY[
		(SELECT t.tmplnamespace::regnamespace::text || '.' || quote_ident(t.tmplname) FROM pg_ts_template t WHERE t.oid = d.dicttemplate)::text,
		(d.dictinitoption)::text,
		(pg_get_userbyid(d.dictowner)::text)::text,
		(obj_description(d.oid, 'pg_ts_dict'))::text
	]
FROM pg_ts_dict d
JOIN pg_namespace n ON n.oid = d.dictnamespace
WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_ts_dict" "d.oid"}}

UNION ALL
SELECT 'text_search_parser', n.nspname, p.prsname,
	pg_describe_object('pg_ts_parser'::regclass, p.oid, 0), ARRAY[
		'pg_ts_parser.prsstart',
		'pg_ts_parser.prstoken',
		'pg_ts_parser.prsend',
		'pg_ts_parser.prsheadline',
		'pg_ts_parser.prslextype',
		'pg_description'
	]::text[], ARRAY[
		(p.prsstart::regproc::text)::text,
		(p.prstoken::regproc::text)::text,
		(p.prsend::regproc::text)::text,
		(nullif(p.prsheadline, 0)::regproc::text)::text,
		(p.prslextype::regproc::text)::text,
		(obj_description(p.oid, 'pg_ts_parser'))::text
	]
FROM pg_ts_parser p
JOIN pg_namespace n ON n.oid = p.prsnamespace
WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_ts_parser" "p.oid"}}

UNION ALL
SELECT 'text_search_template', n.nspname, t.tmplname,
	pg_describe_object('pg_ts_template'::regclass, t.oid, 0), ARRAY[
		'pg_ts_template.tmplinit',
		'pg_ts_template.tmpllexize',
		'pg_description'
	]::text[], ARRAY[
		(nullif(t.tmplinit, 0)::regproc::text)::text,
		(t.tmpllexize::regproc::text)::text,
		(obj_description(t.oid, 'pg_ts_template'))::text
	]
FROM pg_ts_template t
JOIN pg_namespace n ON n.oid = t.tmplnamespace
WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_ts_template" "t.oid"}}

UNION ALL
SELECT 'default_privilege', coalesce(n.nspname, ''), pg_get_userbyid(da.defaclrole)::text,
	pg_describe_object('pg_default_acl'::regclass, da.oid, 0), ARRAY['pg_default_acl.defaclacl'], ARRAY[
	(SELECT string_agg(e, ', ' ORDER BY e) FROM (
		SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(x.grantee)) END
			|| '=' || x.privilege_type || CASE WHEN x.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END AS e
		FROM aclexplode(da.defaclacl) x) s)]
FROM pg_default_acl da
LEFT JOIN pg_namespace n ON n.oid = da.defaclnamespace

UNION ALL
SELECT 'publication', '', pb.pubname,
	pg_describe_object('pg_publication'::regclass, pb.oid, 0), ARRAY[
		'pg_publication.puballtables',
		'pg_publication.pubactions',
		'pg_publication.pubviaroot',
{{- if ge .Version 180000}}
		'pg_publication.pubgencols',
{{- end}}
		'pg_publication.pubowner',
		'pg_publication_rel',
{{- if ge .Version 150000}}
		'pg_publication_namespace',
{{- end}}
		'pg_description'
	]::text[], ARRAY[
		(pb.puballtables::text)::text,
		(concat_ws(', ', CASE WHEN pb.pubinsert THEN 'insert' END, CASE WHEN pb.pubupdate THEN 'update' END,
		CASE WHEN pb.pubdelete THEN 'delete' END, CASE WHEN pb.pubtruncate THEN 'truncate' END))::text,
		(pb.pubviaroot::text)::text,
{{- if ge .Version 180000}}
		(pb.pubgencols::text)::text,
{{- end}}
		(pg_get_userbyid(pb.pubowner)::text)::text,
		((SELECT string_agg(pr.prrelid::regclass::text
{{- if ge .Version 150000}}
			|| coalesce(' (' || (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a
				WHERE a.attrelid = pr.prrelid AND a.attnum = ANY (pr.prattrs)) || ')', '')
			|| coalesce(' WHERE ' || pg_get_expr(pr.prqual, pr.prrelid), '')
{{- end}}
		, ', ' ORDER BY pr.prrelid::regclass::text) FROM pg_publication_rel pr WHERE pr.prpubid = pb.oid))::text,
{{- if ge .Version 150000}}
		((SELECT string_agg(pn.pnnspid::regnamespace::text, ', ' ORDER BY pn.pnnspid::regnamespace::text)
		FROM pg_publication_namespace pn WHERE pn.pnpubid = pb.oid))::text,
{{- end}}
		(obj_description(pb.oid, 'pg_publication'))::text
	]
FROM pg_publication pb

UNION ALL
SELECT 'event_trigger', '', et.evtname,
	pg_describe_object('pg_event_trigger'::regclass, et.oid, 0), ARRAY[
		'pg_event_trigger.evtevent',
		'pg_event_trigger.evtfoid',
		'pg_event_trigger.evtenabled',
		'pg_event_trigger.evttags',
		'pg_event_trigger.evtowner',
		'pg_description'
	]::text[], ARRAY[
		(et.evtevent::text)::text,
		(et.evtfoid::regproc::text)::text,
		(et.evtenabled::text)::text,
		(array_to_string(et.evttags, ', '))::text,
		(pg_get_userbyid(et.evtowner)::text)::text,
		(obj_description(et.oid, 'pg_event_trigger'))::text
	]
FROM pg_event_trigger et
WHERE {{notExtensionMember "pg_event_trigger" "et.oid"}}

UNION ALL
-- Settings of the database itself (ALTER DATABASE ... SET, ALTER ROLE ...
-- IN DATABASE ... SET): renovate's files do not hold the database, so
-- these are reported when set.
SELECT 'database', '', '', 'database settings', ARRAY['pg_db_role_setting'], ARRAY[(SELECT string_agg(coalesce(quote_ident(pg_get_userbyid(nullif(s.setrole, 0))) || ': ', '') || array_to_string(s.setconfig, ', '), '; ' ORDER BY s.setrole)
		FROM pg_db_role_setting s
		WHERE s.setdatabase = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database()))]

UNION ALL
-- The database's own comment and privileges (COMMENT ON DATABASE, GRANT
-- ... ON DATABASE), like its settings, are not in the files: reported when
-- set. Privileges are compared relative to the owner, so a database
-- created by another role compares equal when both are the default.
SELECT 'database', '', '', 'database', ARRAY['pg_shdescription', 'pg_database.datacl'], ARRAY[
		shobj_description(d.oid, 'pg_database')::text,
		({{relativeACL "d.datacl" "d.datdba" "'d'"}})::text
	]
FROM pg_database d
WHERE d.datname = current_database()

UNION ALL
-- Large objects are data, not schema, and renovate's files hold none:
-- their number is reported when there are any.
SELECT 'database', '', '', 'large objects', ARRAY['pg_largeobject_metadata'],
	ARRAY[(SELECT nullif(count(*), 0)::text || ' large object(s)' FROM pg_largeobject_metadata)]

UNION ALL
-- Security labels need a label provider module; where one is loaded
-- they are reported, never round-tripped.
SELECT 'database', '', '', pl.objtype || ' ' || pl.objname, ARRAY['pg_seclabel (' || pl.provider || ')'], ARRAY[pl.label]
FROM pg_seclabels pl
WHERE pl.objtype <> 'role' AND pl.objtype <> 'database' AND pl.objtype <> 'tablespace'

UNION ALL
-- Procedural languages made outside an extension.
SELECT 'language', '', l.lanname,
	pg_describe_object('pg_language'::regclass, l.oid, 0), ARRAY[
		'pg_language.lanpltrusted',
		'pg_language.lanplcallfoid',
		'pg_language.laninline',
		'pg_language.lanvalidator',
		'pg_language.lanowner',
		'pg_language.lanacl',
		'pg_description'
	]::text[], ARRAY[
		(l.lanpltrusted::text)::text,
		(nullif(l.lanplcallfoid, 0)::regprocedure::text)::text,
		(nullif(l.laninline, 0)::regprocedure::text)::text,
		(nullif(l.lanvalidator, 0)::regprocedure::text)::text,
		(pg_get_userbyid(l.lanowner)::text)::text,
		-- Privileges mean something on a trusted language only.
		(CASE WHEN l.lanpltrusted THEN {{relativeACL "l.lanacl" "l.lanowner" "'l'"}} END)::text,
		(obj_description(l.oid, 'pg_language'))::text
	]
FROM pg_language l
WHERE l.oid >= 16384 AND l.lanispl AND {{notExtensionMember "pg_language" "l.oid"}}

UNION ALL
-- Transforms made outside an extension.
SELECT 'transform', '', format_type(t.trftype, NULL) || ' LANGUAGE ' || quote_ident(l.lanname),
	pg_describe_object('pg_transform'::regclass, t.oid, 0), ARRAY[
		'pg_transform.trffromsql',
		'pg_transform.trftosql',
		'pg_description'
	]::text[], ARRAY[
		(nullif(t.trffromsql, 0)::regprocedure::text)::text,
		(nullif(t.trftosql, 0)::regprocedure::text)::text,
		(obj_description(t.oid, 'pg_transform'))::text
	]
FROM pg_transform t
JOIN pg_language l ON l.oid = t.trflang
WHERE t.oid >= 16384 AND {{notExtensionMember "pg_transform" "t.oid"}}

UNION ALL
SELECT 'foreign_data_wrapper', '', w.fdwname,
	pg_describe_object('pg_foreign_data_wrapper'::regclass, w.oid, 0), ARRAY[
		'pg_foreign_data_wrapper.fdwowner',
		'pg_foreign_data_wrapper.fdwhandler',
		'pg_foreign_data_wrapper.fdwvalidator',
		'pg_foreign_data_wrapper.fdwacl',
		'pg_foreign_data_wrapper.fdwoptions',
		'pg_description'
	]::text[], ARRAY[
		(pg_get_userbyid(w.fdwowner)::text)::text,
		(CASE WHEN w.fdwhandler <> 0 THEN w.fdwhandler::regproc::text END)::text,
		(CASE WHEN w.fdwvalidator <> 0 THEN w.fdwvalidator::regproc::text END)::text,
		({{relativeACL "w.fdwacl" "w.fdwowner" "'F'"}})::text,
		(array_to_string(w.fdwoptions, ', '))::text,
		(obj_description(w.oid, 'pg_foreign_data_wrapper'))::text
	]
FROM pg_foreign_data_wrapper w
WHERE {{notExtensionMember "pg_foreign_data_wrapper" "w.oid"}}

UNION ALL
SELECT 'server', '', fs.srvname,
	pg_describe_object('pg_foreign_server'::regclass, fs.oid, 0), ARRAY[
		'pg_foreign_server.srvowner',
		'pg_foreign_server.srvfdw',
		'pg_foreign_server.srvtype',
		'pg_foreign_server.srvversion',
		'pg_foreign_server.srvacl',
		'pg_foreign_server.srvoptions',
		'pg_description'
	]::text[], ARRAY[
		(pg_get_userbyid(fs.srvowner)::text)::text,
		((SELECT w.fdwname::text FROM pg_foreign_data_wrapper w WHERE w.oid = fs.srvfdw))::text,
		(fs.srvtype)::text,
		(fs.srvversion)::text,
		({{relativeACL "fs.srvacl" "fs.srvowner" "'S'"}})::text,
		(array_to_string(fs.srvoptions, ', '))::text,
		(obj_description(fs.oid, 'pg_foreign_server'))::text
	]
FROM pg_foreign_server fs
WHERE {{notExtensionMember "pg_foreign_server" "fs.oid"}}

UNION ALL
-- A user mapping's secrets are intentionally not round-tripped: the files
-- refer to them as environment references; only that one is set is compared.
SELECT 'server', '', um.srvname,
	pg_describe_object('pg_user_mapping'::regclass, um.umid, 0), ARRAY[
		'pg_user_mapping.umoptions'
	]::text[], ARRAY[
		((SELECT string_agg(CASE WHEN split_part(o, '=', 1) IN ('password', 'sslpassword')
			THEN split_part(o, '=', 1) || '=<secret, not round-tripped>' ELSE o END, ', ' ORDER BY n)
		FROM unnest(um.umoptions) WITH ORDINALITY AS x(o, n)))::text
	]
FROM pg_user_mappings um
WHERE {{notExtensionMember "pg_foreign_server" "um.srvid"}}

{{- if .Subscriptions}}
UNION ALL
-- Subscriptions of this database. The connection string's password is
-- intentionally not round-tripped (files refer to it as an environment reference).
SELECT 'subscription', '', sub.subname,
	pg_describe_object('pg_subscription'::regclass, sub.oid, 0), ARRAY[
		'pg_subscription.subowner',
		'pg_subscription.subenabled',
		'pg_subscription.subconninfo',
		'pg_subscription.subslotname',
		'pg_subscription.subsynccommit',
		'pg_subscription.subpublications',
		'pg_description'
	]::text[], ARRAY[
		(pg_get_userbyid(sub.subowner)::text)::text,
		(sub.subenabled::text)::text,
		({{if .Conninfo}}regexp_replace(sub.subconninfo, '((ssl)?password\s*=\s*)(''([^''\\]|\\.)*''|\S+)', '\1<secret, not round-tripped>', 'g'){{else}}NULL{{end}})::text,
		(sub.subslotname::text)::text,
		(sub.subsynccommit)::text,
		(array_to_string(sub.subpublications, ', '))::text,
		(obj_description(sub.oid, 'pg_subscription'))::text
	]
FROM pg_subscription sub
WHERE sub.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())
{{- end}}
