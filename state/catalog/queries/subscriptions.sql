-- Subscriptions of the current database. subconninfo is readable by
-- superusers only: for other roles it comes as NULL (the column is not even
-- named then, since naming it is refused whether it is read or not). Its password is taken out in Go (catalog/foreign.go) before the
-- string reaches the model; the query cannot do that without parsing libpq
-- syntax. Options that a release lacks come as their default. Where the
-- role may not read oid and subsynccommit (PostgreSQL 13, not a superuser)
-- the query returns nothing, and unmanaged.sql names the subscriptions.
SELECT
	{{if .Subscriptions}}s.oid{{else}}0::oid{{end}},
	s.subname::text,
	{{if .Conninfo}}s.subconninfo{{else}}NULL::text{{end}},
	s.subpublications::text[],
	s.subenabled,
	coalesce(s.subslotname::text, ''),
	{{if .Subscriptions}}s.subsynccommit{{else}}''{{end}},
{{- if ge .Version 140000}}
	s.subbinary,
{{- else}}
	false,
{{- end}}
{{- if ge .Version 160000}}
	CASE s.substream WHEN 't' THEN 'on' WHEN 'p' THEN 'parallel' ELSE 'off' END,
{{- else if ge .Version 140000}}
	CASE WHEN s.substream THEN 'on' ELSE 'off' END,
{{- else}}
	'off',
{{- end}}
{{- if ge .Version 150000}}
	s.subtwophasestate <> 'd',
	s.subdisableonerr,
{{- else}}
	false,
	false,
{{- end}}
{{- if ge .Version 160000}}
	s.suborigin,
	s.subpasswordrequired,
	s.subrunasowner,
{{- else}}
	'any',
	true,
	false,
{{- end}}
{{- if ge .Version 170000}}
	s.subfailover,
{{- else}}
	false,
{{- end}}
	-- The tables it replicates, as of its last refresh.
	coalesce((
		SELECT array_agg(quote_ident(n.nspname) || '.' || quote_ident(c.relname) ORDER BY 1)
		FROM pg_subscription_rel sr
		JOIN pg_class c ON c.oid = sr.srrelid
		JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE sr.srsubid = {{if .Subscriptions}}s.oid{{else}}0{{end}}
	), '{}')
FROM pg_subscription s
WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())
{{- if not .Subscriptions}}
	AND false
{{- end}}
ORDER BY s.subname
