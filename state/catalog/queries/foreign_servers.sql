-- Foreign servers that no extension owns, with their user mappings. The
-- mappings come from pg_user_mappings, which shows a mapping's options
-- only to the mapped user, the server's owner (with USAGE) and superusers:
-- options it hides come as NULL (umoptions_visible false). A password
-- option is never returned: only that there is one (catalog/foreign.go
-- writes a reference to an environment variable in its place).
SELECT
	s.oid,
	s.srvname::text,
	w.fdwname::text,
	coalesce(s.srvtype, ''),
	coalesce(s.srvversion, ''),
	coalesce(s.srvoptions, '{}'),
	coalesce((
		SELECT array_agg(CASE WHEN um.umuser = 0 THEN 'public' ELSE um.usename::text END ORDER BY 1)
		FROM pg_user_mappings um WHERE um.srvid = s.oid
	), '{}'),
	coalesce((
		SELECT array_agg(
			coalesce((
				SELECT string_agg(
					CASE WHEN split_part(o, '=', 1) IN ('password', 'sslpassword') THEN split_part(o, '=', 1) || '=' ELSE o END,
					chr(1) ORDER BY n)
				FROM unnest(um.umoptions) WITH ORDINALITY AS x(o, n)
			), CASE WHEN um.umoptions IS NULL THEN chr(2) ELSE '' END)
			ORDER BY CASE WHEN um.umuser = 0 THEN 'public' ELSE um.usename::text END)
		FROM pg_user_mappings um WHERE um.srvid = s.oid
	), '{}')
FROM pg_foreign_server s
JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
WHERE {{notExtensionMember "pg_foreign_server" "s.oid"}}
ORDER BY s.srvname
