-- The catalog's stamp (IntrospectStamped): read right after the session's
-- settings, before any catalog row, in the introspection's transaction. Two
-- reads with equal stamps read equal catalogs; introspect.go says why.
--
-- NULL when the server cannot give a stamp that means that: a standby
-- (whose WAL position is the primary's, replayed), or a role the functions
-- are revoked from. The cluster's identifier and timeline are left out when
-- pg_control_system and pg_control_checkpoint are refused; the postmaster's
-- start time still tells a restarted or restored cluster apart.
SELECT CASE WHEN NOT pg_is_in_recovery()
		AND has_function_privilege('pg_current_wal_insert_lsn()', 'EXECUTE')
		AND has_function_privilege('pg_current_snapshot()', 'EXECUTE')
	THEN concat_ws(E'\n',
		'wal ' || pg_current_wal_insert_lsn()::text,
		'snapshot ' || pg_current_snapshot()::text,
		'postmaster ' || pg_postmaster_start_time()::text,
		'system ' || CASE WHEN has_function_privilege('pg_control_system()', 'EXECUTE')
			THEN (SELECT system_identifier::text FROM pg_control_system()) END,
		'timeline ' || CASE WHEN has_function_privilege('pg_control_checkpoint()', 'EXECUTE')
			THEN (SELECT timeline_id::text FROM pg_control_checkpoint()) END,
		'database ' || (SELECT d.oid::text FROM pg_database d WHERE d.datname = current_database()),
		'roles ' || quote_ident(current_user) || ' ' || quote_ident(session_user),
		'version ' || version(),
		'settings ' || (SELECT encode(sha256(convert_to(string_agg(s.name || '=' || coalesce(s.setting, ''), E'\n' ORDER BY s.name), 'UTF8')), 'hex')
			FROM pg_settings s))
	END
