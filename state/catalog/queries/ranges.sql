-- Range types. The subtype's operator class is reported only when it is
-- not the default btree class for the subtype (or for a type the subtype
-- is binary-coercible to, as GetDefaultOpClass accepts), the collation only
-- when it is not the subtype's default. Functions print as regproc does
-- with search_path = pg_catalog: bare when built in, qualified otherwise.
-- Multiranges exist from PostgreSQL 14 on; on 13 the name is the one
-- makeMultirangeTypeName would choose, which is also what the parser fills
-- in when CREATE TYPE names none.
SELECT
	t.oid,
	n.nspname::text,
	t.typname::text,
	format_type(r.rngsubtype, -1),
	CASE WHEN opc.opcdefault AND opc.opcmethod = (SELECT oid FROM pg_am WHERE amname = 'btree') AND (
		opc.opcintype = r.rngsubtype OR EXISTS (
			SELECT FROM pg_cast ca
			WHERE ca.castsource = r.rngsubtype AND ca.casttarget = opc.opcintype AND ca.castmethod = 'b'
		)
	) THEN '' ELSE
		CASE WHEN ocn.nspname = 'pg_catalog' THEN '' ELSE quote_ident(ocn.nspname) || '.' END
		|| quote_ident(opc.opcname)
	END,
	CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation THEN (
		SELECT
			CASE WHEN cn.nspname = 'pg_catalog' THEN '' ELSE quote_ident(cn.nspname) || '.' END
			|| quote_ident(co.collname)
		FROM pg_collation co
		JOIN pg_namespace cn ON cn.oid = co.collnamespace
		WHERE co.oid = r.rngcollation
	) ELSE '' END,
	CASE WHEN r.rngcanonical = 0 THEN '' ELSE r.rngcanonical::regproc::text END,
	CASE WHEN r.rngsubdiff = 0 THEN '' ELSE r.rngsubdiff::regproc::text END,
	{{if ge .Version 140000}}(
		SELECT quote_ident(mn.nspname) || '.' || quote_ident(mt.typname)
		FROM pg_type mt
		JOIN pg_namespace mn ON mn.oid = mt.typnamespace
		WHERE mt.oid = r.rngmultitypid
	){{else}}quote_ident(n.nspname) || '.' || quote_ident(left(
		CASE WHEN strpos(t.typname, 'range') > 0
			THEN overlay(t.typname::text PLACING 'multirange' FROM strpos(t.typname, 'range') FOR 5)
			ELSE left(t.typname::text, 52) || '_multirange'
		END, 63)){{end}}
FROM pg_range r
JOIN pg_type t ON t.oid = r.rngtypid
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_type st ON st.oid = r.rngsubtype
JOIN pg_opclass opc ON opc.oid = r.rngsubopc
JOIN pg_namespace ocn ON ocn.oid = opc.opcnamespace
WHERE {{userNamespace "n"}}
	AND {{notExtensionMember "pg_type" "t.oid"}}
ORDER BY n.nspname, t.typname
