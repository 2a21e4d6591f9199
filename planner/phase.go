package planner

// phase ranks steps. The order itself comes from the step graph
// (stepgraph.go), whose edges are what objects reference; the rank is
// only the priority among steps no edge orders, and the place where the
// standard cycle-breaking moves live (foreign keys added last). Within a
// phase, steps keep the order in which the planner produced them, which
// follows the sorted model, so plans are deterministic. The routine
// phases other than phaseFunction and phaseDropFunction are no longer
// used: the graph places routines.
//
// The order is chosen so that every object exists before anything that
// uses it is created or altered, and is dropped only after everything that
// used it has been dropped or changed:
//
//   - foreign keys go first when dropped and last when added, so tables
//     with cyclic references can be dropped and created at all;
//   - constraints and indexes are dropped before columns and tables;
//   - types and sequences are created before tables (columns and defaults
//     use them) and dropped after columns changed away from them;
//   - schemas are created first and dropped last.
type phase int

const (
	// Renames come first: every later step names objects by their new
	// names.
	phaseRename phase = iota
	// Rows leave data tables before any DDL could stand in their way
	// (data.go).
	phaseDataDelete
	// A routine in a cycle that is dropped gets a placeholder body first,
	// which ends what its SQL-standard body read (routine_cycle.go).
	phaseRoutineDetach
	// Policies go before the columns, functions, views and tables their
	// expressions use are dropped or changed; nothing depends on a
	// policy (policy.go).
	phaseDropPolicy
	// Triggers and event triggers are dropped first: nothing depends on
	// them (trigger.go).
	phaseDropTrigger
	// Views are dropped before anything they read is dropped or changed
	// under them (view.go).
	phaseDropView
	// Publications lose tables (and columns they list) before those are
	// dropped (publication.go).
	phaseDropPublication
	phaseDropForeignKey
	phaseDropConstraint
	phaseDropIndex
	// Statistics objects before the tables and columns they are on
	// (dropping a column drops them) (defobject.go).
	phaseDropStatistics
	// Partitions and inheritance children leave their parents (DETACH
	// PARTITION, NO INHERIT) before parents are dropped and before parents'
	// columns change under them (table_partitioning_storage.go).
	phaseDetach
	// Sequences a recreated table owns are disowned before the table is
	// dropped, so they survive it (sequence.go).
	phaseDisownSequence
	phaseDropTable
	phaseDropColumn
	// Aggregates, casts and text search objects once the views, indexes,
	// columns and constraints using them are gone, before the functions
	// and types they use (defobject.go).
	phaseDropDefObject
	// User mappings, servers and wrappers once the foreign tables using
	// them are gone (foreign.go).
	phaseDropForeignData
	// Other routines are dropped once the defaults, constraints, indexes,
	// views and policies using them are gone (function.go).
	phaseDropFunction
	phaseCreateSchema
	phaseExtension
	// Default privileges change before objects are created, once the
	// schemas they name exist (privilege.go).
	phaseDefaultPrivileges
	// Collations before the types and columns using them (collation.go).
	phaseCollation
	// Routines using no type of the database's own go before types, whose
	// domain checks may call them (function.go).
	phaseFunctionBeforeTypes
	phaseType
	phaseSequence
	// Routines are created before tables, whose defaults and checks call
	// them; those needing a table's row type or reading relations in an
	// SQL-standard body after the tables, or after the views (function.go).
	phaseFunction
	// The placeholder of a routine whose SQL-standard body and what that
	// body reads use each other (routine_cycle.go): created like any
	// routine, but needing only its signature's types.
	phaseRoutinePlaceholder
	// Casts and text search objects before the tables whose defaults,
	// generated columns and indexes use them (defobject.go).
	phaseDefObject
	// Wrappers, servers and user mappings before the foreign tables using
	// them (foreign.go).
	phaseForeignData
	phaseCreateTable
	phaseAlterColumn
	// Tables join their parents (ATTACH PARTITION, INHERIT) once their
	// columns match, and new children set what their inherited columns do
	// differently, after the parents' own column changes (table_partitioning_storage.go).
	phaseAttach
	phaseFunctionAfterTables
	phaseAddConstraint
	phaseCreateIndex
	// Storage parameters, tablespaces and replica identity once the
	// indexes they may name exist (table_partitioning_storage.go).
	phaseTableProps
	phaseOwnedBy
	phaseAddForeignKey
	// Aggregates and statistics objects once their functions, types,
	// tables and columns exist, before the views calling them
	// (defobject.go).
	phaseDefObjectLate
	// Views are created (or replaced) once everything they read exists
	// (view.go).
	phaseCreateView
	// The real body of a routine created as a placeholder
	// (routine_cycle.go): CREATE OR REPLACE once what it reads exists.
	phaseFunctionAfterViews
	// Triggers and event triggers once their relations and functions
	// exist (trigger.go).
	phaseCreateTrigger
	phaseComment
	// Publications once the tables and columns they list exist
	// (publication.go).
	phasePublication
	// Subscriptions once the tables they write to exist; their creation
	// and drop run outside the transaction anyway (foreign.go).
	phaseSubscription
	// Policies and row security, then grants, once every object they
	// name exists (policy.go, privilege.go).
	phaseCreatePolicy
	phasePrivileges
	// Rows are inserted and updated once every object exists (data.go).
	phaseData
	// Rows other rows referred to until the updates above (data.go).
	phaseDataLateDelete
	// New NOT NULL columns that the data rows fill (migration.go).
	phaseDataNotNull
	phaseDropSequence
	phaseDropType
	// Collations once no type or column uses them (collation.go).
	phaseDropCollation
	phaseDropExtension
	phaseDropSchema
)
