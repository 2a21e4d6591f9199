-- Publications. Each published table comes as the model's entry text: the
-- qualified table, its column list (prattrs, in column order) and its row
-- filter (prqual), both from PostgreSQL 15 on, as are the schemas of FOR
-- TABLES IN SCHEMA (pg_publication_namespace). pubviaroot exists from
-- PostgreSQL 13, the oldest release supported. Publications belonging to an
-- extension are left out. Comments come from comments.sql.
SELECT
	p.oid,
	p.pubname::text,
	p.puballtables,
	p.pubinsert,
	p.pubupdate,
	p.pubdelete,
	p.pubtruncate,
	p.pubviaroot,
	coalesce((
		SELECT array_agg(
			quote_ident(n.nspname) || '.' || quote_ident(c.relname)
{{- if ge .Version 150000}}
			|| coalesce(' (' || (
				SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
				FROM pg_attribute a
				WHERE a.attrelid = pr.prrelid AND a.attnum = ANY (pr.prattrs::int2[])
			) || ')', '')
			|| coalesce(' WHERE (' || pg_get_expr(pr.prqual, pr.prrelid) || ')', '')
{{- end}}
			ORDER BY n.nspname, c.relname)
		FROM pg_publication_rel pr
		JOIN pg_class c ON c.oid = pr.prrelid
		JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE pr.prpubid = p.oid
	), '{}'),
{{- if ge .Version 150000}}
	coalesce((
		SELECT array_agg(n.nspname::text ORDER BY n.nspname)
		FROM pg_publication_namespace pn
		JOIN pg_namespace n ON n.oid = pn.pnnspid
		WHERE pn.pnpubid = p.oid
	), '{}')
{{- else}}
	'{}'::text[]
{{- end}}
FROM pg_publication p
WHERE {{notExtensionMember "pg_publication" "p.oid"}}
