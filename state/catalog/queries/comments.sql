-- Comments on the kinds of objects the model has: schemas, types,
-- relations (tables, columns, sequences, indexes) and constraints. The
-- caller matches them to objects by (catalog, OID, column number); the
-- catalog comes as its name ("pg_class"), unqualified with only pg_catalog
-- on the search path.
--
-- One bulk read matched in memory instead of a join per query: joined to
-- pg_description with its constant classoid filter, the planner guesses
-- from default selectivities (catalog statistics are often missing or stale
-- right after a migration; autovacuum analyzes catalogs late) that a handful
-- of comments match and may pick a nested loop that compares every comment
-- with every object, quadratic in the size of the schema. Comments on
-- built-in objects come along too; they are a few hundred rows and unused.
SELECT
	d.classoid::regclass::text,
	d.objoid,
	d.objsubid,
	d.description
FROM pg_description d
WHERE d.classoid IN (
	'pg_namespace'::regclass,
	'pg_type'::regclass,
	'pg_class'::regclass,
	'pg_constraint'::regclass,
	'pg_collation'::regclass,
	'pg_proc'::regclass,
	'pg_trigger'::regclass,
	'pg_event_trigger'::regclass,
	'pg_publication'::regclass,
	'pg_foreign_data_wrapper'::regclass,
	'pg_foreign_server'::regclass,
	-- Subscriptions live in a shared catalog, but COMMENT ON SUBSCRIPTION
	-- writes pg_description, not pg_shdescription.
	'pg_subscription'::regclass
)
