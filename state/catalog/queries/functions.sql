-- Functions and procedures (prokind 'f', 'w', 'p'; aggregates are not
-- modelled) in user schemas, without extension members. Signatures and
-- results come from the same functions pg_get_functiondef uses, printed
-- with only pg_catalog on the search path, so user types are qualified.
-- An SQL-standard body (PostgreSQL 14+) comes from pg_get_function_sqlbody;
-- prosrc is then empty. COST and ROWS are real (float4) and read as text,
-- the shortest exact spelling, so 0.1 stays 0.1.
SELECT
	p.oid,
	n.nspname::text,
	p.proname::text,
	p.prokind::text,
	pg_get_function_identity_arguments(p.oid),
	coalesce(pg_get_function_arguments(p.oid), ''),
	coalesce(pg_get_function_result(p.oid), ''),
	l.lanname::text,
{{- if ge .Version 140000}}
	pg_get_function_sqlbody(p.oid),
{{- else}}
	NULL::text,
{{- end}}
	coalesce(p.prosrc, ''),
	coalesce(p.probin, ''),
	p.provolatile::text,
	p.proisstrict,
	p.prosecdef,
	p.proleakproof,
	p.proparallel::text,
	p.procost::text,
	p.prorows::text,
	coalesce(p.proconfig, '{}')::text[],
	-- TRANSFORM FOR TYPE, in the order written.
	ARRAY(SELECT format_type(t.oid, NULL) FROM unnest(p.protrftypes) WITH ORDINALITY u(oid, i)
		JOIN pg_type t ON t.oid = u.oid ORDER BY u.i)::text[]
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE p.prokind IN ('f', 'w', 'p')
	AND {{userNamespace "n"}}
	AND {{notExtensionMember "pg_proc" "p.oid"}}
	-- Constructors PostgreSQL makes for a range type and its multirange
	-- (an internal dependency) belong to the type.
	AND NOT EXISTS (
		SELECT FROM pg_depend i
		WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid AND i.deptype = 'i'
	)
ORDER BY n.nspname, p.proname, p.oid
