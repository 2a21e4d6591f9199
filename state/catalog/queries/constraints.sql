-- Constraints of ordinary tables. Their order does not matter: Normalize
-- sorts them by name.
--
-- Only primary key, unique, check, foreign key and exclusion constraints:
-- 't' (constraint triggers) are triggers, and PostgreSQL 18's 'n' (NOT NULL
-- constraints) are modelled as Column.NotNull.
--
-- conparentid <> 0 rows are clones PostgreSQL creates by itself: a foreign
-- key that references a partitioned table gets one hidden child constraint
-- per referenced partition on the referencing table. They come and go with
-- their parent and are never the user's.
--
-- NOT conislocal rows are constraints a child table only gets from its
-- parents (a partition's copies of its parent's constraints, an inheritance
-- child's CHECK constraints): they belong to the parents. A constraint the
-- child declares too (merged with the parents', conislocal and
-- coninhcount > 0) is the child's as well.
--
-- conkey holds the constrained columns' numbers in order; the caller turns
-- them into names with the columns it has already read.
--
-- pg_get_constraintdef leaves out the storage parameters and tablespace of
-- a constraint's index; they are returned apart (reloptions, spcname) and
-- put back by the caller. The index's OID finds its comment (COMMENT ON
-- INDEX), which is not the constraint's.
SELECT
	co.oid,
	co.conrelid,
	co.conname::text,
	co.contype::text,
	pg_get_constraintdef(co.oid),
	co.conkey,
	coalesce(fn.nspname::text, ''),
	coalesce(fc.relname::text, ''),
	coalesce(ic.reloptions, '{}'),
	coalesce((SELECT ts.spcname::text FROM pg_tablespace ts WHERE ts.oid = ic.reltablespace), ''),
	coalesce(ic.oid, 0)
FROM pg_constraint co
JOIN pg_class c ON c.oid = co.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class fc ON fc.oid = co.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_class ic ON ic.oid = co.conindid AND co.contype IN ('p', 'u', 'x')
WHERE co.contype IN ('p', 'u', 'c', 'f', 'x')
	AND co.conparentid = 0
	AND co.conislocal
	AND {{ordinaryTable "c" "n"}}
