-- Installed extensions. plpgsql is installed into every database by initdb,
-- so it is no user decision and is left out.
SELECT
	e.extname::text,
	n.nspname::text,
	e.extversion
FROM pg_extension e
JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql'
ORDER BY e.extname
