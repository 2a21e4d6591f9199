-- The catalog's stamp (IntrospectStamped): read right after the session's
-- settings, before any catalog row, in the introspection's transaction. Two
-- reads with equal stamps read equal catalogs; introspect.go says why.
--
-- NULL on a standby, whose WAL position is the primary's, replayed (the
-- CASE keeps pg_current_wal_insert_lsn from being called there, where it
-- fails). A role refused one of the functions fails the whole query when
-- it starts (PostgreSQL checks the right to call every function of a query
-- before running it, whichever branch of a CASE it sits in), as does a
-- server that does not offer one of them: the caller then reads the
-- catalog without a stamp.
SELECT CASE WHEN NOT pg_is_in_recovery() THEN concat_ws(E'\n',
		'wal ' || pg_current_wal_insert_lsn()::text,
		'snapshot ' || pg_current_snapshot()::text,
		'postmaster ' || pg_postmaster_start_time()::text,
		'system ' || (SELECT system_identifier::text FROM pg_control_system()),
		'timeline ' || (SELECT timeline_id::text FROM pg_control_checkpoint()),
		'database ' || (SELECT d.oid::text FROM pg_database d WHERE d.datname = current_database()),
		'roles ' || quote_ident(current_user) || ' ' || quote_ident(session_user),
		'version ' || version(),
		'settings ' || (SELECT encode(sha256(convert_to(string_agg(s.name || '=' || coalesce(s.setting, ''), E'\n' ORDER BY s.name), 'UTF8')), 'hex')
			FROM pg_settings s))
	END
