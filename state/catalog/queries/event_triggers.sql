-- Event triggers, without extension members. Tags keep their order.
SELECT
	e.oid,
	e.evtname::text,
	e.evtevent::text,
	coalesce(e.evttags, '{}')::text[],
	fn.nspname::text,
	f.proname::text,
	e.evtenabled::text
FROM pg_event_trigger e
JOIN pg_proc f ON f.oid = e.evtfoid
JOIN pg_namespace fn ON fn.oid = f.pronamespace
WHERE {{notExtensionMember "pg_event_trigger" "e.oid"}}
ORDER BY e.evtname
