-- Definition objects (state.DefObject): aggregates, casts, statistics
-- objects, text search configurations, dictionaries, parsers and
-- templates, operators, operator families and classes, rules,
-- conversions, access methods, languages and transforms, without
-- those of extensions. Each row is (kind, schema,
-- name, signature, definition, setting names, setting values, dictionary
-- options, comment). The definition is SQL the parser reads back into the
-- canonical form; with only pg_catalog on the search path, every
-- user-defined name in it comes out schema-qualified. A rule's row
-- carries the relation it is on in the signature column.
SELECT kind, schema, name, signature, definition, setting_names, setting_values, options, comment, privileges FROM (
	SELECT 'aggregate' AS kind, n.nspname::text AS schema, p.proname::text AS name,
		'(' || pg_get_function_identity_arguments(p.oid) || ')' AS signature,
		'CREATE AGGREGATE ' || quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '('
			|| CASE WHEN p.pronargs = 0 AND a.aggkind = 'n' THEN '*' ELSE pg_get_function_arguments(p.oid) END
			|| E') (\n    ' || array_to_string(ARRAY[
				'SFUNC = ' || a.aggtransfn::regproc::text,
				'STYPE = ' || format_type(a.aggtranstype, NULL),
				CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
				CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || a.aggfinalfn::regproc::text END,
				CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
				-- FINALFUNC_MODIFY defaults to READ_ONLY, READ_WRITE for
				-- ordered-set aggregates.
				CASE WHEN a.aggfinalmodify <> CASE a.aggkind WHEN 'n' THEN 'r' ELSE 'w' END THEN
					'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
				CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || a.aggcombinefn::regproc::text END,
				CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || a.aggserialfn::regproc::text END,
				CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || a.aggdeserialfn::regproc::text END,
				CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
				CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || a.aggmtransfn::regproc::text END,
				CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || a.aggminvtransfn::regproc::text END,
				CASE WHEN a.aggmtranstype <> 0 THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
				CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
				CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || a.aggmfinalfn::regproc::text END,
				CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
				CASE WHEN a.aggmtransfn <> 0 AND a.aggmfinalmodify <> CASE a.aggkind WHEN 'n' THEN 'r' ELSE 'w' END THEN
					'MFINALFUNC_MODIFY = ' || CASE a.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
				CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(a.aggminitval) END,
				CASE WHEN a.aggsortop <> 0 THEN 'SORTOP = ' || (
					SELECT CASE WHEN o.oprnamespace = 'pg_catalog'::regnamespace THEN o.oprname::text
						ELSE 'OPERATOR(' || o.oprnamespace::regnamespace::text || '.' || o.oprname || ')' END
					FROM pg_operator o WHERE o.oid = a.aggsortop) END,
				CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
				CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END
			], E',\n    ') || E'\n);' AS definition,
		NULL::text[] AS setting_names, NULL::text[] AS setting_values, NULL::text AS options,
		obj_description(p.oid, 'pg_proc') AS comment,
		-- EXECUTE, in the model's effective form: a NULL ACL is the
		-- default, the owner's own rows are left out.
		(SELECT json_agg(json_build_array(
				CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee)::text END,
				x.privilege_type, x.is_grantable))
			FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) x
			WHERE x.grantee <> p.proowner)::text AS privileges
	FROM pg_proc p
	JOIN pg_aggregate a ON a.aggfnoid = p.oid
	JOIN pg_namespace n ON n.oid = p.pronamespace
	WHERE p.prokind = 'a' AND {{userNamespace "n"}} AND {{notExtensionMember "pg_proc" "p.oid"}}
UNION ALL
	SELECT 'cast', '', format_type(c.castsource, NULL) || ' AS ' || format_type(c.casttarget, NULL), '',
		'CREATE CAST (' || format_type(c.castsource, NULL) || ' AS ' || format_type(c.casttarget, NULL) || ') '
			|| CASE c.castmethod WHEN 'f' THEN 'WITH FUNCTION ' || c.castfunc::regprocedure::text
				WHEN 'i' THEN 'WITH INOUT' ELSE 'WITHOUT FUNCTION' END
			|| CASE c.castcontext WHEN 'i' THEN ' AS IMPLICIT' WHEN 'a' THEN ' AS ASSIGNMENT' ELSE '' END || ';',
		NULL, NULL, NULL, obj_description(c.oid, 'pg_cast'), NULL
	FROM pg_cast c
	WHERE c.oid >= 16384 AND {{notExtensionMember "pg_cast" "c.oid"}}
		-- Casts a range type makes for its multirange belong to it.
		AND NOT EXISTS (
			SELECT FROM pg_depend i
			WHERE i.classid = 'pg_cast'::regclass AND i.objid = c.oid AND i.deptype = 'i'
		)
UNION ALL
	SELECT 'statistics', n.nspname::text, x.stxname::text, '',
		pg_get_statisticsobjdef(x.oid) || ';',
		CASE WHEN x.stxstattarget IS NOT NULL AND x.stxstattarget <> -1 THEN ARRAY['statistics'] END,
		CASE WHEN x.stxstattarget IS NOT NULL AND x.stxstattarget <> -1 THEN ARRAY[x.stxstattarget::text] END,
		NULL, obj_description(x.oid, 'pg_statistic_ext'), NULL
	FROM pg_statistic_ext x
	JOIN pg_namespace n ON n.oid = x.stxnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_statistic_ext" "x.oid"}}
UNION ALL
	SELECT 'text_search_configuration', n.nspname::text, c.cfgname::text, '',
		'PARSER = ' || (SELECT CASE WHEN p.prsnamespace = 'pg_catalog'::regnamespace THEN quote_ident(p.prsname)
			ELSE p.prsnamespace::regnamespace::text || '.' || quote_ident(p.prsname) END
			FROM pg_ts_parser p WHERE p.oid = c.cfgparser),
		ARRAY(SELECT m.alias FROM (
			SELECT t.alias::text, string_agg(m.mapdict::regdictionary::text, ', ' ORDER BY m.mapseqno) AS dicts
			FROM pg_ts_config_map m JOIN ts_token_type(c.cfgparser) t ON t.tokid = m.maptokentype
			WHERE m.mapcfg = c.oid GROUP BY t.alias) m ORDER BY m.alias),
		ARRAY(SELECT m.dicts FROM (
			SELECT t.alias::text, string_agg(m.mapdict::regdictionary::text, ', ' ORDER BY m.mapseqno) AS dicts
			FROM pg_ts_config_map m JOIN ts_token_type(c.cfgparser) t ON t.tokid = m.maptokentype
			WHERE m.mapcfg = c.oid GROUP BY t.alias) m ORDER BY m.alias),
		NULL, obj_description(c.oid, 'pg_ts_config'), NULL
	FROM pg_ts_config c
	JOIN pg_namespace n ON n.oid = c.cfgnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_ts_config" "c.oid"}}
UNION ALL
	SELECT 'text_search_dictionary', n.nspname::text, d.dictname::text, '',
		'TEMPLATE = ' || (SELECT CASE WHEN t.tmplnamespace = 'pg_catalog'::regnamespace THEN quote_ident(t.tmplname)
			ELSE t.tmplnamespace::regnamespace::text || '.' || quote_ident(t.tmplname) END
			FROM pg_ts_template t WHERE t.oid = d.dicttemplate),
		NULL, NULL, d.dictinitoption, obj_description(d.oid, 'pg_ts_dict'), NULL
	FROM pg_ts_dict d
	JOIN pg_namespace n ON n.oid = d.dictnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_ts_dict" "d.oid"}}
UNION ALL
	SELECT 'text_search_parser', n.nspname::text, p.prsname::text, '',
		'CREATE TEXT SEARCH PARSER ' || quote_ident(n.nspname) || '.' || quote_ident(p.prsname)
			|| ' (START = ' || p.prsstart::regproc::text || ', GETTOKEN = ' || p.prstoken::regproc::text
			|| ', END = ' || p.prsend::regproc::text || ', LEXTYPES = ' || p.prslextype::regproc::text
			|| CASE WHEN p.prsheadline <> 0 THEN ', HEADLINE = ' || p.prsheadline::regproc::text ELSE '' END || ');',
		NULL, NULL, NULL, obj_description(p.oid, 'pg_ts_parser'), NULL
	FROM pg_ts_parser p
	JOIN pg_namespace n ON n.oid = p.prsnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_ts_parser" "p.oid"}}
UNION ALL
	SELECT 'text_search_template', n.nspname::text, t.tmplname::text, '',
		'CREATE TEXT SEARCH TEMPLATE ' || quote_ident(n.nspname) || '.' || quote_ident(t.tmplname) || ' ('
			|| CASE WHEN t.tmplinit <> 0 THEN 'INIT = ' || t.tmplinit::regproc::text || ', ' ELSE '' END
			|| 'LEXIZE = ' || t.tmpllexize::regproc::text || ');',
		NULL, NULL, NULL, obj_description(t.oid, 'pg_ts_template'), NULL
	FROM pg_ts_template t
	JOIN pg_namespace n ON n.oid = t.tmplnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_ts_template" "t.oid"}}
UNION ALL
	-- Operators; shell operators (made by a COMMUTATOR or NEGATOR that
	-- names an operator not defined yet, with no function) come back by
	-- themselves when the operators naming them are created.
	SELECT 'operator', n.nspname::text, o.oprname::text,
		'(' || CASE WHEN o.oprleft = 0 THEN 'NONE' ELSE format_type(o.oprleft, NULL) END || ', '
			|| CASE WHEN o.oprright = 0 THEN 'NONE' ELSE format_type(o.oprright, NULL) END || ')',
		'CREATE OPERATOR ' || quote_ident(n.nspname) || '.' || o.oprname || E' (\n    ' || array_to_string(ARRAY[
			'FUNCTION = ' || o.oprcode::regproc::text,
			CASE WHEN o.oprleft <> 0 THEN 'LEFTARG = ' || format_type(o.oprleft, NULL) END,
			CASE WHEN o.oprright <> 0 THEN 'RIGHTARG = ' || format_type(o.oprright, NULL) END,
			CASE WHEN o.oprcom <> 0 THEN 'COMMUTATOR = ' || (SELECT 'OPERATOR(' || quote_ident(cn.nspname) || '.' || c.oprname || ')'
				FROM pg_operator c JOIN pg_namespace cn ON cn.oid = c.oprnamespace WHERE c.oid = o.oprcom) END,
			CASE WHEN o.oprnegate <> 0 THEN 'NEGATOR = ' || (SELECT 'OPERATOR(' || quote_ident(cn.nspname) || '.' || c.oprname || ')'
				FROM pg_operator c JOIN pg_namespace cn ON cn.oid = c.oprnamespace WHERE c.oid = o.oprnegate) END,
			CASE WHEN o.oprcanhash THEN 'HASHES' END,
			CASE WHEN o.oprcanmerge THEN 'MERGES' END
		], E',\n    ') || E'\n);',
		array_remove(ARRAY[CASE WHEN o.oprrest <> 0 THEN 'restrict' END, CASE WHEN o.oprjoin <> 0 THEN 'join' END], NULL),
		array_remove(ARRAY[CASE WHEN o.oprrest <> 0 THEN o.oprrest::regproc::text END, CASE WHEN o.oprjoin <> 0 THEN o.oprjoin::regproc::text END], NULL),
		NULL, obj_description(o.oid, 'pg_operator'), NULL
	FROM pg_operator o
	JOIN pg_namespace n ON n.oid = o.oprnamespace
	WHERE o.oprcode <> 0 AND {{userNamespace "n"}} AND {{notExtensionMember "pg_operator" "o.oid"}}
UNION ALL
	-- Operator families (those CREATE OPERATOR CLASS made implicitly
	-- too), with their loose members (pg_depend on the family) as
	-- settings named as ALTER OPERATOR FAMILY ... DROP names them.
	SELECT 'operator_family', n.nspname::text, f.opfname::text, ' USING ' || am.amname::text,
		'CREATE OPERATOR FAMILY ' || quote_ident(n.nspname) || '.' || quote_ident(f.opfname) || ' USING ' || quote_ident(am.amname) || ';',
		coalesce(mem.names, '{}'), coalesce(mem.vals, '{}'),
		NULL, obj_description(f.oid, 'pg_opfamily'), NULL
	FROM pg_opfamily f
	JOIN pg_namespace n ON n.oid = f.opfnamespace
	JOIN pg_am am ON am.oid = f.opfmethod
	-- The loose members, read once: their names and their values.
	CROSS JOIN LATERAL (
		SELECT array_agg(m.name ORDER BY m.k, m.num, m.name) AS names,
			array_agg(m.value ORDER BY m.k, m.num, m.name) AS vals
		FROM (
			SELECT 0 AS k, o.amopstrategy::int AS num, 'OPERATOR ' || o.amopstrategy || ' (' || format_type(o.amoplefttype, NULL) || ', ' || format_type(o.amoprighttype, NULL) || ')' AS name,
				o.amopopr::regoperator::text || CASE WHEN o.amoppurpose = 'o' THEN ' FOR ORDER BY ' || (
					SELECT CASE WHEN sf.opfnamespace = 'pg_catalog'::regnamespace THEN quote_ident(sf.opfname)
						ELSE sf.opfnamespace::regnamespace::text || '.' || quote_ident(sf.opfname) END
					FROM pg_opfamily sf WHERE sf.oid = o.amopsortfamily) ELSE '' END AS value
			FROM pg_amop o
			JOIN pg_depend d ON d.classid = 'pg_amop'::regclass AND d.objid = o.oid
				AND d.refclassid = 'pg_opfamily'::regclass AND d.refobjid = f.oid
			WHERE o.amopfamily = f.oid
			UNION ALL
			SELECT 1, p.amprocnum::int, 'FUNCTION ' || p.amprocnum || ' (' || format_type(p.amproclefttype, NULL) || ', ' || format_type(p.amprocrighttype, NULL) || ')',
				p.amproc::regprocedure::text
			FROM pg_amproc p
			JOIN pg_depend d ON d.classid = 'pg_amproc'::regclass AND d.objid = p.oid
				AND d.refclassid = 'pg_opfamily'::regclass AND d.refobjid = f.oid
			WHERE p.amprocfamily = f.oid) m
	) mem
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_opfamily" "f.oid"}}
UNION ALL
	-- Operator classes, with the members bound to the class (pg_depend
	-- on the class); the loose ones are their family's.
	SELECT 'operator_class', n.nspname::text, c.opcname::text, ' USING ' || am.amname::text,
		'CREATE OPERATOR CLASS ' || quote_ident(n.nspname) || '.' || quote_ident(c.opcname)
			|| CASE WHEN c.opcdefault THEN ' DEFAULT' ELSE '' END
			|| ' FOR TYPE ' || format_type(c.opcintype, NULL) || ' USING ' || quote_ident(am.amname)
			|| ' FAMILY ' || quote_ident(fn.nspname) || '.' || quote_ident(f.opfname) || E' AS\n    '
			|| coalesce(nullif(array_to_string(ARRAY(SELECT m.item FROM (
				SELECT 0 AS k, o.amopstrategy::int AS num, 'OPERATOR ' || o.amopstrategy || ' ' || o.amopopr::regoperator::text
					|| CASE WHEN o.amoppurpose = 'o' THEN ' FOR ORDER BY ' || (
						SELECT CASE WHEN sf.opfnamespace = 'pg_catalog'::regnamespace THEN quote_ident(sf.opfname)
							ELSE sf.opfnamespace::regnamespace::text || '.' || quote_ident(sf.opfname) END
						FROM pg_opfamily sf WHERE sf.oid = o.amopsortfamily) ELSE '' END AS item
				FROM pg_amop o
				JOIN pg_depend d ON d.classid = 'pg_amop'::regclass AND d.objid = o.oid
					AND d.refclassid = 'pg_opclass'::regclass AND d.refobjid = c.oid
				UNION ALL
				SELECT 1, p.amprocnum::int, 'FUNCTION ' || p.amprocnum || ' (' || format_type(p.amproclefttype, NULL) || ', '
					|| format_type(p.amprocrighttype, NULL) || ') ' || p.amproc::regprocedure::text
				FROM pg_amproc p
				JOIN pg_depend d ON d.classid = 'pg_amproc'::regclass AND d.objid = p.oid
					AND d.refclassid = 'pg_opclass'::regclass AND d.refobjid = c.oid
				UNION ALL
				SELECT 2, 0, 'STORAGE ' || format_type(c.opckeytype, NULL) WHERE c.opckeytype <> 0
			) m ORDER BY m.k, m.num, m.item), E',\n    '), ''), 'STORAGE ' || format_type(c.opcintype, NULL)) || ';',
		NULL, NULL, NULL, obj_description(c.oid, 'pg_opclass'), NULL
	FROM pg_opclass c
	JOIN pg_namespace n ON n.oid = c.opcnamespace
	JOIN pg_am am ON am.oid = c.opcmethod
	JOIN pg_opfamily f ON f.oid = c.opcfamily
	JOIN pg_namespace fn ON fn.oid = f.opfnamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_opclass" "c.oid"}}
UNION ALL
	-- Conversions (CREATE CONVERSION), with PostgreSQL's own encoding
	-- names.
	SELECT 'conversion', n.nspname::text, c.conname::text, '',
		'CREATE ' || CASE WHEN c.condefault THEN 'DEFAULT ' ELSE '' END || 'CONVERSION '
			|| quote_ident(n.nspname) || '.' || quote_ident(c.conname)
			|| ' FOR ' || quote_literal(pg_encoding_to_char(c.conforencoding))
			|| ' TO ' || quote_literal(pg_encoding_to_char(c.contoencoding))
			|| ' FROM ' || c.conproc::regproc::text || ';',
		NULL, NULL, NULL, obj_description(c.oid, 'pg_conversion'), NULL
	FROM pg_conversion c
	JOIN pg_namespace n ON n.oid = c.connamespace
	WHERE {{userNamespace "n"}} AND {{notExtensionMember "pg_conversion" "c.oid"}}
UNION ALL
	-- Access methods made by CREATE ACCESS METHOD (not built in, not an
	-- extension's).
	SELECT 'access_method', '', a.amname::text, '',
		'CREATE ACCESS METHOD ' || quote_ident(a.amname) || ' TYPE '
			|| CASE a.amtype WHEN 'i' THEN 'INDEX' WHEN 't' THEN 'TABLE' ELSE a.amtype::text END
			|| ' HANDLER ' || a.amhandler::regproc::text || ';',
		NULL, NULL, NULL, obj_description(a.oid, 'pg_am'), NULL
	FROM pg_am a
	WHERE a.oid >= 16384 AND {{notExtensionMember "pg_am" "a.oid"}}
UNION ALL
	-- Procedural languages made outside an extension (the built-in ones
	-- have OIDs below 16384; plpgsql belongs to its extension). Function
	-- names are always qualified, pg_catalog's too, so the parser tells
	-- them from public's. USAGE is read for every language, but written
	-- and planned only for a trusted one: PostgreSQL refuses GRANT on an
	-- untrusted one.
	SELECT 'language', '', l.lanname::text, '',
		'CREATE ' || CASE WHEN l.lanpltrusted THEN 'TRUSTED ' ELSE '' END || 'LANGUAGE ' || quote_ident(l.lanname)
			|| ' HANDLER ' || (SELECT quote_ident(fn.nspname) || '.' || quote_ident(f.proname)
				FROM pg_proc f JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = l.lanplcallfoid)
			|| coalesce(' INLINE ' || (SELECT quote_ident(fn.nspname) || '.' || quote_ident(f.proname)
				FROM pg_proc f JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = l.laninline), '')
			|| coalesce(' VALIDATOR ' || (SELECT quote_ident(fn.nspname) || '.' || quote_ident(f.proname)
				FROM pg_proc f JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = l.lanvalidator), '')
			|| ';',
		NULL, NULL, NULL, obj_description(l.oid, 'pg_language'),
		(SELECT json_agg(json_build_array(
				CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee)::text END,
				x.privilege_type, x.is_grantable))
			FROM aclexplode(coalesce(l.lanacl, acldefault('l', l.lanowner))) x
			WHERE x.grantee <> l.lanowner)::text
	FROM pg_language l
	WHERE l.oid >= 16384 AND l.lanispl AND {{notExtensionMember "pg_language" "l.oid"}}
UNION ALL
	-- Transforms made outside an extension.
	SELECT 'transform', '', format_type(t.trftype, NULL) || ' LANGUAGE ' || quote_ident(l.lanname), '',
		'CREATE TRANSFORM FOR ' || format_type(t.trftype, NULL) || ' LANGUAGE ' || quote_ident(l.lanname) || ' ('
			|| concat_ws(', ',
				CASE WHEN t.trffromsql <> 0 THEN 'FROM SQL WITH FUNCTION ' || t.trffromsql::regprocedure::text END,
				CASE WHEN t.trftosql <> 0 THEN 'TO SQL WITH FUNCTION ' || t.trftosql::regprocedure::text END)
			|| ');',
		NULL, NULL, NULL, obj_description(t.oid, 'pg_transform'), NULL
	FROM pg_transform t
	JOIN pg_language l ON l.oid = t.trflang
	WHERE t.oid >= 16384 AND {{notExtensionMember "pg_transform" "t.oid"}}
UNION ALL
	-- Rules other than the _RETURN rules of views, on relations that are
	-- not an extension's.
	SELECT 'rule', n.nspname::text, r.rulename::text, c.relname::text,
		pg_get_ruledef(r.oid),
		CASE WHEN r.ev_enabled <> 'O' THEN ARRAY['enabled'] END,
		CASE r.ev_enabled WHEN 'D' THEN ARRAY['disabled'] WHEN 'R' THEN ARRAY['replica'] WHEN 'A' THEN ARRAY['always'] END,
		NULL, obj_description(r.oid, 'pg_rewrite'), NULL
	FROM pg_rewrite r
	JOIN pg_class c ON c.oid = r.ev_class
	JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE r.rulename <> '_RETURN' AND {{userNamespace "n"}}
		AND {{notExtensionMember "pg_rewrite" "r.oid"}} AND {{notExtensionMember "pg_class" "c.oid"}}
) o
ORDER BY kind, schema, name, signature
