-- Every sequence in a user schema, with the column it depends on, if any.
--
-- A serial column or ALTER SEQUENCE ... OWNED BY records an 'a' (auto)
-- dependency of the sequence on the column (refobjsubid = attnum); an
-- identity column records an 'i' (internal) one. Identity sequences are
-- returned too, so the caller can attach their options to the column, but
-- they are not sequences of their own in the model.
--
-- The dependency is looked up per sequence (LATERAL, one index probe each),
-- which also guarantees one row per sequence: should a sequence ever have
-- both kinds, the identity one wins (DESC puts 'i' before 'a').
--
-- last_value lives in the sequence relation itself and is deliberately
-- never read.
SELECT
	s.seqrelid,
	n.nspname::text,
	c.relname::text,
	format_type(s.seqtypid, NULL),
	s.seqstart,
	s.seqincrement,
	s.seqmin,
	s.seqmax,
	s.seqcache,
	s.seqcycle,
	coalesce(dep.deptype::text, ''),
	coalesce(dep.refobjid, 0),
	coalesce(dep.refobjsubid, 0)::int2,
	coalesce(oc.relname::text, ''),
	coalesce(oa.attname::text, '')
FROM pg_sequence s
JOIN pg_class c ON c.oid = s.seqrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN LATERAL (
	SELECT d.deptype, d.refobjid, d.refobjsubid
	FROM pg_depend d
	WHERE d.classid = 'pg_class'::regclass
		AND d.objid = s.seqrelid
		AND d.objsubid = 0
		AND d.refclassid = 'pg_class'::regclass
		AND d.refobjsubid > 0
		AND d.deptype IN ('a', 'i')
	ORDER BY d.deptype DESC
	LIMIT 1
) dep ON true
LEFT JOIN pg_class oc ON oc.oid = dep.refobjid
LEFT JOIN pg_attribute oa ON oa.attrelid = dep.refobjid AND oa.attnum = dep.refobjsubid
WHERE {{userNamespace "n"}}
	AND {{notExtensionMember "pg_class" "s.seqrelid"}}
ORDER BY s.seqrelid
