package planner

import (
	"fmt"
	"strings"
)

// This file declares every hazard renovate attaches to a step, once: each
// hazard kind with its severity, whether it loses data and what apply
// requires of it (hazardKinds), and each message with its kind and its
// text (hazardTemplates). The planner, the plan-file reader (planfile)
// and the reference docs/hazards.md (internal/cli's docgen) all read
// these tables: code asks for a hazard by name with its arguments,
//
//	NewHazard(DropsColumn, q, c.Name)
//
// and never writes a message itself (TestNoHazardLiterals checks that,
// and TestHazardCallsMatchTemplates the number of arguments of every
// call).

// Hazard kinds, in the order of HazardKinds.
const (
	// HazardDeletesData: the step destroys stored data (drop table or
	// column, drop sequence, delete rows). It blocks apply unless data
	// loss is allowed.
	HazardDeletesData HazardKind = "deletes_data"
	// HazardCascadesData: deleting rows of a data table reaches rows of
	// other tables through foreign keys' ON DELETE CASCADE (they are
	// deleted), SET NULL or SET DEFAULT (their references are changed). It
	// blocks apply unless data loss is allowed; allowing only the data
	// tables' own deletes (apply --allow-row-deletes) does not allow it.
	HazardCascadesData HazardKind = "cascades_data"
	// HazardTableRewrite: the step rewrites the table or scans it under an
	// ACCESS EXCLUSIVE lock (most column type changes).
	HazardTableRewrite HazardKind = "table_rewrite"
	// HazardCastMayFail: a type change casts existing values, which fails
	// (and rolls back the plan) if some value does not convert.
	HazardCastMayFail HazardKind = "cast_may_fail"
	// HazardIndexBuild: building an index on an existing table blocks
	// writes to it for the duration of the build.
	HazardIndexBuild HazardKind = "index_build"
	// HazardValidation: adding a constraint or NOT NULL to an existing
	// table scans it under lock, and fails if existing rows violate it.
	HazardValidation HazardKind = "validation_scan"
	// HazardNotTransactional: the step runs outside the plan's transaction,
	// after it commits; if it fails, the steps before it stay applied.
	HazardNotTransactional HazardKind = "not_transactional"
	// HazardAccessExclusiveLock: the step holds an ACCESS EXCLUSIVE lock
	// on the table for as long as it scans or rewrites it, so every read
	// and write of the table waits.
	HazardAccessExclusiveLock HazardKind = "access_exclusive_lock"
	// HazardDataMigration: the change needs SQL only the user can write (a
	// value for a new NOT NULL column in existing rows, a conversion for a
	// type change without a cast); the plan holds a "-- renovate: fill in"
	// placeholder and apply refuses it until it is filled in or removed.
	HazardDataMigration HazardKind = "data_migration"
	// HazardInvalidIndex: an INVALID index left by a failed concurrent
	// build is dropped.
	HazardInvalidIndex HazardKind = "invalid_index"
	// HazardSecurity: the step removes or weakens access control: row
	// level security disabled or no longer forced, a policy dropped or
	// changed, a privilege revoked, a trigger dropped or disabled (triggers
	// often enforce audit or integrity rules). It blocks nothing by itself;
	// `plan --fail-on-hazard security` makes CI stop on it.
	HazardSecurity HazardKind = "security"
	// HazardUnclassified: a statement of a saved plan that renovate did
	// not write and cannot classify (a DO block, a CALL, a SELECT, an
	// UPDATE of a table that is not a data table, ...): what it does is
	// unknown, so apply refuses it unless --allow-unclassified is given.
	HazardUnclassified HazardKind = "unclassified"
	// HazardReplication: the step creates, drops or refreshes a logical
	// replication subscription: it acts on the publisher too (a
	// replication slot is created or dropped there) or copies rows from
	// it. The messages say what happens to the slot on the publisher.
	HazardReplication HazardKind = "replication"
)

// Severity says how apply treats a hazard kind.
type Severity string

// Severities, from the strictest.
const (
	// SeverityBlocks: apply refuses the plan until the hazard is allowed
	// on the command line or the plan is fixed.
	SeverityBlocks Severity = "blocks"
	// SeverityReview: apply runs the step; the reviewer should check
	// what it does beyond the object itself (a failure mode, access,
	// another system).
	SeverityReview Severity = "review"
	// SeverityCost: apply runs the step; it costs time and locks that
	// grow with the table.
	SeverityCost Severity = "cost"
)

// HazardKindInfo is the declaration of one hazard kind.
type HazardKindInfo struct {
	Kind     HazardKind
	Severity Severity
	// LosesData: a step with the hazard destroys or changes stored data;
	// apply refuses it without --allow-data-loss (or "yes" at its prompt).
	LosesData bool
	// GrowsWithTable: the cost grows with the size of the table the step
	// is about; the plan names that table (Step.Relation) and adds its
	// size to the message (Plan.AttachSizes).
	GrowsWithTable bool
	// Apply says what apply requires before it runs a step with the
	// hazard ("" when it requires nothing).
	Apply string
	// Summary says what the hazard means, for the reference.
	Summary string
}

// hazardKinds declares every hazard kind; read only.
var hazardKinds = []HazardKindInfo{
	{Kind: HazardDeletesData, Severity: SeverityBlocks, LosesData: true, GrowsWithTable: true,
		Apply:   "`--allow-data-loss` (or `yes` at the prompt); `--allow-row-deletes` allows a data table's own row deletes",
		Summary: "The step destroys stored data: a table, column, sequence or extension dropped, rows deleted, values converted with loss."},
	{Kind: HazardCascadesData, Severity: SeverityBlocks, LosesData: true,
		Apply:   "`--allow-data-loss` (or `yes` at the prompt); `--allow-row-deletes` does not allow it",
		Summary: "Deleting rows of a data table reaches rows of other tables through foreign keys' `ON DELETE` actions."},
	{Kind: HazardTableRewrite, Severity: SeverityCost, GrowsWithTable: true,
		Summary: "The step rewrites the table (or copies it), under an ACCESS EXCLUSIVE lock."},
	{Kind: HazardCastMayFail, Severity: SeverityReview, GrowsWithTable: true,
		Summary: "A type change converts existing values; the apply fails, changing nothing, if one does not convert."},
	{Kind: HazardIndexBuild, Severity: SeverityCost, GrowsWithTable: true,
		Summary: "Building an index on an existing table blocks writes to it while the build runs."},
	{Kind: HazardValidation, Severity: SeverityCost, GrowsWithTable: true,
		Summary: "Adding a constraint or NOT NULL scans the existing rows, and fails if one violates it."},
	{Kind: HazardNotTransactional, Severity: SeverityReview,
		Summary: "The step runs outside the plan's transaction; if it fails, the steps before it stay applied."},
	{Kind: HazardAccessExclusiveLock, Severity: SeverityCost, GrowsWithTable: true,
		Summary: "The step holds an ACCESS EXCLUSIVE lock while it scans or rewrites the table: every read and write of the table waits."},
	{Kind: HazardDataMigration, Severity: SeverityBlocks, GrowsWithTable: true,
		Apply:   "the `-- renovate: fill in` lines replaced by your statement (or deleted)",
		Summary: "The change needs SQL only you can write (a value for existing rows, a conversion); the plan holds a placeholder."},
	{Kind: HazardInvalidIndex, Severity: SeverityReview,
		Summary: "An INVALID index left by a failed concurrent build is dropped (and built again if the files declare it)."},
	{Kind: HazardSecurity, Severity: SeverityReview,
		Apply:   "nothing (`plan --fail-on-hazard security` stops CI on it)",
		Summary: "The step removes or weakens access control: row level security disabled or no longer forced, a policy dropped or changed, a privilege revoked, a trigger dropped or disabled."},
	{Kind: HazardUnclassified, Severity: SeverityBlocks,
		Apply:   "`--allow-unclassified`",
		Summary: "A statement of a saved plan that renovate did not write and cannot classify: what it changes is unknown."},
	{Kind: HazardReplication, Severity: SeverityReview,
		Summary: "A subscription is created, dropped or refreshed: it acts on the publisher (its replication slot) or copies rows from it."},
}

// HazardKinds returns every hazard kind the planner can attach to a step,
// in a fixed order. The CLI validates --fail-on-hazard against it and the
// JSON schema (docs/plan.schema.json) enumerates the same kinds; a test
// checks that every HazardKind constant of this package is listed.
func HazardKinds() []HazardKind {
	out := make([]HazardKind, len(hazardKinds))
	for i, k := range hazardKinds {
		out[i] = k.Kind
	}
	return out
}

// HazardKindInfos returns the declarations of every hazard kind, in the
// order of HazardKinds.
func HazardKindInfos() []HazardKindInfo {
	return append([]HazardKindInfo(nil), hazardKinds...)
}

// Info returns the declaration of kind k; ok is false for a kind renovate
// does not know (read from a hand-edited plan file).
func (k HazardKind) Info() (info HazardKindInfo, ok bool) {
	for _, x := range hazardKinds {
		if x.Kind == k {
			return x, true
		}
	}
	return HazardKindInfo{Kind: k}, false
}

// LosesData reports whether a hazard of kind k destroys or changes stored
// data, so that apply refuses it unless data loss is allowed.
func (k HazardKind) LosesData() bool {
	info, _ := k.Info()
	return info.LosesData
}

// HazardName names one hazard message of hazardTemplates.
type HazardName string

// HazardTemplate declares one hazard message: its kind and its text, in
// which every {placeholder} stands for an argument of NewHazard, in the
// order of their first appearance ({statement} shows a statement's first
// line only).
type HazardTemplate struct {
	Name HazardName
	Kind HazardKind
	Text string
}

// Hazard names, grouped by kind as in hazardTemplates.
const (
	DropsTable               HazardName = "DropsTable"
	RecreatesAsForeignTable  HazardName = "RecreatesAsForeignTable"
	RecreatesForPartitioning HazardName = "RecreatesForPartitioning"
	DropsColumn              HazardName = "DropsColumn"
	ColumnBecomesGenerated   HazardName = "ColumnBecomesGenerated"
	DropsSequence            HazardName = "DropsSequence"
	SequenceRestartsBehind   HazardName = "SequenceRestartsBehind"
	IdentityRestartsBehind   HazardName = "IdentityRestartsBehind"
	DropsExtension           HazardName = "DropsExtension"
	MovesFixedExtension      HazardName = "MovesFixedExtension"
	DropsAttribute           HazardName = "DropsAttribute"
	LossyTypeChange          HazardName = "LossyTypeChange"
	EnumLosesValues          HazardName = "EnumLosesValues"
	LossyTypeRebuild         HazardName = "LossyTypeRebuild"
	DeletesDataRows          HazardName = "DeletesDataRows"
	DeletesDataRowsCascading HazardName = "DeletesDataRowsCascading"
	StatementDeletesData     HazardName = "StatementDeletesData"
	HandWrittenDataChange    HazardName = "HandWrittenDataChange"

	CascadesDeletes HazardName = "CascadesDeletes"

	RecreatesMaterializedView      HazardName = "RecreatesMaterializedView"
	RecreatesCollation             HazardName = "RecreatesCollation"
	RecreatesGeneratedAround       HazardName = "RecreatesGeneratedAround"
	AddsGeneratedColumn            HazardName = "AddsGeneratedColumn"
	AddsIdentityColumn             HazardName = "AddsIdentityColumn"
	AddsVolatileDefault            HazardName = "AddsVolatileDefault"
	RecreatesGeneratedColumn       HazardName = "RecreatesGeneratedColumn"
	RewritesForTypeChange          HazardName = "RewritesForTypeChange"
	ChangesLogged                  HazardName = "ChangesLogged"
	MovesTablespace                HazardName = "MovesTablespace"
	ChangesTableAccessMethod       HazardName = "ChangesTableAccessMethod"
	TypeChangeMayFail              HazardName = "TypeChangeMayFail"
	RecreatesType                  HazardName = "RecreatesType"
	BuildsIndex                    HazardName = "BuildsIndex"
	BuildsMatviewIndex             HazardName = "BuildsMatviewIndex"
	BuildsConstraintIndex          HazardName = "BuildsConstraintIndex"
	BuildsIndexConcurrently        HazardName = "BuildsIndexConcurrently"
	SetsNotNull                    HazardName = "SetsNotNull"
	SetsNotNullAfterData           HazardName = "SetsNotNullAfterData"
	AddsNotNullColumn              HazardName = "AddsNotNullColumn"
	ValidatesConstraint            HazardName = "ValidatesConstraint"
	AddsConstraint                 HazardName = "AddsConstraint"
	AttachesPartition              HazardName = "AttachesPartition"
	ValidatesConstraintOnline      HazardName = "ValidatesConstraintOnline"
	ValidatesNotNullOnline         HazardName = "ValidatesNotNullOnline"
	SetsDomainNotNull              HazardName = "SetsDomainNotNull"
	ValidatesDomainConstraint      HazardName = "ValidatesDomainConstraint"
	AddsDomainConstraint           HazardName = "AddsDomainConstraint"
	RunsOutsideTransaction         HazardName = "RunsOutsideTransaction"
	HoldsAccessExclusiveLock       HazardName = "HoldsAccessExclusiveLock"
	NeedsBackfill                  HazardName = "NeedsBackfill"
	NeedsUsing                     HazardName = "NeedsUsing"
	NeedsConversion                HazardName = "NeedsConversion"
	DropsInvalidIndex              HazardName = "DropsInvalidIndex"
	DropsInvalidIndexOnline        HazardName = "DropsInvalidIndexOnline"
	DisablesRowSecurity            HazardName = "DisablesRowSecurity"
	StopsForcingRowSecurity        HazardName = "StopsForcingRowSecurity"
	DropsPolicy                    HazardName = "DropsPolicy"
	ChangesPolicy                  HazardName = "ChangesPolicy"
	RevokesPrivileges              HazardName = "RevokesPrivileges"
	DropsTrigger                   HazardName = "DropsTrigger"
	DropsEventTrigger              HazardName = "DropsEventTrigger"
	DisablesTrigger                HazardName = "DisablesTrigger"
	DisablesEventTrigger           HazardName = "DisablesEventTrigger"
	UnclassifiedStatement          HazardName = "UnclassifiedStatement"
	SubscriptionStatement          HazardName = "SubscriptionStatement"
	CreatesSubscriptionUnconnected HazardName = "CreatesSubscriptionUnconnected"
	CreatesSubscriptionNoSlot      HazardName = "CreatesSubscriptionNoSlot"
	CreatesSubscriptionOnSlot      HazardName = "CreatesSubscriptionOnSlot"
	CreatesSubscriptionCopying     HazardName = "CreatesSubscriptionCopying"
	CreatesSubscriptionSlot        HazardName = "CreatesSubscriptionSlot"
	CreatesSlotCopying             HazardName = "CreatesSlotCopying"
	DropsSubscriptionNoSlot        HazardName = "DropsSubscriptionNoSlot"
	DropsSubscription              HazardName = "DropsSubscription"
	RefreshesSubscription          HazardName = "RefreshesSubscription"
	DisablesTwoPhase               HazardName = "DisablesTwoPhase"
	ChangesOwner                   HazardName = "ChangesOwner"
)

const (
	fillsRows  = "; the rows already in the published tables are copied into the local tables."
	ownSlot    = "Creating subscription {subscription} connects to the publisher; it uses the existing replication slot {slot} on the publisher (create_slot = false)"
	createSlot = "Creating subscription {subscription} connects to the publisher; it creates the replication slot {slot} on the publisher, which keeps WAL there until the subscription consumes it"
)

// hazardTemplates declares every hazard message; read only.
var hazardTemplates = []HazardTemplate{
	// deletes_data
	{DropsTable, HazardDeletesData, "Dropping table {table} deletes all of its rows."},
	{RecreatesAsForeignTable, HazardDeletesData, "Table {table} is dropped and created again as a foreign table: all of its rows are deleted."},
	{RecreatesForPartitioning, HazardDeletesData, "Table {table} is dropped and created again because its partitioning changes (itself or its parent's): all of its rows are deleted."},
	{DropsColumn, HazardDeletesData, "Dropping column {table}.{column} deletes its values."},
	{ColumnBecomesGenerated, HazardDeletesData, "Column {table}.{column} becomes generated: its stored values are replaced."},
	{DropsSequence, HazardDeletesData, "Dropping sequence {sequence} loses its current value."},
	{SequenceRestartsBehind, HazardDeletesData, "Sequence {sequence} stands at {value}, beyond its new bounds ({min} to {max}): it restarts at {restart} and hands out values it may have handed out before, which can collide with stored rows."},
	{IdentityRestartsBehind, HazardDeletesData, "The identity sequence of {table}.{column} stands at {value}, beyond its new bounds ({min} to {max}): it restarts at {restart} and hands out values it may have handed out before, which can collide with stored rows."},
	{DropsExtension, HazardDeletesData, "Dropping extension {extension} removes its objects and any data stored in them."},
	{MovesFixedExtension, HazardDeletesData, "Extension {extension} is not relocatable (PostgreSQL refuses ALTER EXTENSION ... SET SCHEMA), so it is dropped and created again in schema {schema}: " +
		"its objects are dropped with any data, privileges and settings they hold, and the drop fails if an object the plan keeps depends on them."},
	{DropsAttribute, HazardDeletesData, "Dropping attribute {attribute} of {type} deletes its values in {columns}."},
	{LossyTypeChange, HazardDeletesData, "Changing {table}.{column} from {old} to {new} can lose data without an error: {why}."},
	{EnumLosesValues, HazardDeletesData, "Enum {type} loses the values {values}: {columns} are converted to the recreated type through text; a row holding a removed value makes the conversion fail (and the apply with it), so change or delete those rows first."},
	{LossyTypeRebuild, HazardDeletesData, "Type {type} is recreated ({reason}): {columns} are converted to the new type through text, which can lose data without an error: {why}."},
	{DeletesDataRows, HazardDeletesData, "deletes rows of data table {table} that are not in its data file ({rows} in all)"},
	{DeletesDataRowsCascading, HazardDeletesData, "deletes rows of data table {table} that are not in its data file ({rows} in all); through foreign keys they reach rows of other tables (cascades_data)"},
	{StatementDeletesData, HazardDeletesData, "{what} deletes data."},
	{HandWrittenDataChange, HazardDeletesData, "{what} changes or deletes stored data."},
	// cascades_data
	{CascadesDeletes, HazardCascadesData, "deleting these rows of {table} also {reaches}, through foreign keys (counted when the plan was made)"},
	// table_rewrite
	{RecreatesMaterializedView, HazardTableRewrite, "Recreating materialized view {view} runs its query again to fill it."},
	{RecreatesCollation, HazardTableRewrite, "Collation {collation} is recreated: {columns} move to the new one, which rewrites their tables and rebuilds their indexes."},
	{RecreatesGeneratedAround, HazardTableRewrite, "Generated column {table}.{column} is recreated around a function it uses; this rewrites the table."},
	{AddsGeneratedColumn, HazardTableRewrite, "Adding stored generated column {table}.{column} computes it for every row: the table is rewritten."},
	{AddsIdentityColumn, HazardTableRewrite, "Adding identity column {table}.{column} numbers every existing row: the table is rewritten."},
	{AddsVolatileDefault, HazardTableRewrite, "The default of new column {table}.{column} is volatile ({default}): PostgreSQL computes it for every existing row, rewriting the table."},
	{RecreatesGeneratedColumn, HazardTableRewrite, "Recreating generated column {table}.{column} rewrites the table."},
	{RewritesForTypeChange, HazardTableRewrite, "Changing the type of {table}.{column} rewrites the table under an ACCESS EXCLUSIVE lock."},
	{ChangesLogged, HazardTableRewrite, "Changing {table} between LOGGED and UNLOGGED rewrites the table."},
	{MovesTablespace, HazardTableRewrite, "Moving {table} to another tablespace copies it under an ACCESS EXCLUSIVE lock."},
	{ChangesTableAccessMethod, HazardTableRewrite, "Changing the access method of {table} rewrites it under an ACCESS EXCLUSIVE lock (ALTER TABLE ... SET ACCESS METHOD needs PostgreSQL 15 or later)."},
	// cast_may_fail
	{TypeChangeMayFail, HazardCastMayFail, "Changing {table}.{column} from {old} to {new} converts every value: {why} (and the apply with it; nothing is changed)."},
	{RecreatesType, HazardCastMayFail, "Type {type} is recreated ({reason}): {columns} are converted to the new type through text, which rewrites their tables and fails if a value does not fit the new type."},
	// index_build
	{BuildsIndex, HazardIndexBuild, "Building index {index} blocks writes to {table} until it finishes."},
	{BuildsMatviewIndex, HazardIndexBuild, "Building index {index} blocks writes to (refreshes of) materialized view {view} while it runs."},
	{BuildsConstraintIndex, HazardIndexBuild, "Adding {constraint} builds an index on {table}, blocking writes, and fails on duplicate rows."},
	{BuildsIndexConcurrently, HazardIndexBuild, "Building index {index} CONCURRENTLY scans {table} twice without blocking writes; it waits for running transactions, and if it fails it leaves an INVALID index that the next plan drops."},
	// validation_scan
	{SetsNotNull, HazardValidation, "SET NOT NULL scans {table} under an ACCESS EXCLUSIVE lock and fails if a row holds NULL."},
	{SetsNotNullAfterData, HazardValidation, "SET NOT NULL scans {table} under an ACCESS EXCLUSIVE lock, after the data file's rows gave every row a value."},
	{AddsNotNullColumn, HazardValidation, "New column {table}.{column} is NOT NULL without a default: adding it fails if {table} has rows."},
	{ValidatesConstraint, HazardValidation, "Validating {constraint} scans {table}."},
	{AddsConstraint, HazardValidation, "Adding {constraint} scans {table} and fails if an existing row violates it."},
	{AttachesPartition, HazardValidation, "Attaching {table} as a partition of {parent} scans it for rows outside the bound (and the default partition, if any, for rows inside it)."},
	{ValidatesConstraintOnline, HazardValidation, "Validating {constraint} scans {table} under a SHARE UPDATE EXCLUSIVE lock (reads and writes go on) and fails if an existing row violates it; the constraint then stays NOT VALID."},
	{ValidatesNotNullOnline, HazardValidation, "Validating {constraint} scans {table} under a SHARE UPDATE EXCLUSIVE lock (reads and writes go on) and fails if a row holds NULL in {column}."},
	{SetsDomainNotNull, HazardValidation, "SET NOT NULL on domain {domain} checks every column of the domain and fails if one holds NULL."},
	{ValidatesDomainConstraint, HazardValidation, "Validating {constraint} checks every column of domain {domain}."},
	{AddsDomainConstraint, HazardValidation, "Adding {constraint} checks every column of domain {domain} and fails if a value violates it."},
	// not_transactional
	{RunsOutsideTransaction, HazardNotTransactional, "Runs outside the plan's transaction because {why}; if it fails, the steps before it stay applied."},
	// access_exclusive_lock
	{HoldsAccessExclusiveLock, HazardAccessExclusiveLock, "Holds an ACCESS EXCLUSIVE lock on {table} while it runs: every read and write of the table waits (apply's lock_timeout bounds only the wait for the lock)."},
	// data_migration
	{NeedsBackfill, HazardDataMigration, "{table} has rows and its new column {column} is NOT NULL without a default: the plan needs an UPDATE giving every existing row a value before SET NOT NULL."},
	{NeedsUsing, HazardDataMigration, "{table}.{column} changes from {old} to {new}, which PostgreSQL cannot convert without an explicit expression, and {table} has rows: write the conversion in USING."},
	{NeedsConversion, HazardDataMigration, "{table}.{column} changes from {old} to {new}, and PostgreSQL has no cast between them: write the conversion in USING."},
	// invalid_index
	{DropsInvalidIndex, HazardInvalidIndex, "Index {index} is INVALID (left by a failed CREATE INDEX CONCURRENTLY): it is dropped and, if the files declare it, built again."},
	{DropsInvalidIndexOnline, HazardInvalidIndex, "Index {index} is INVALID (left by a failed CREATE INDEX CONCURRENTLY): it is dropped and, if the files declare it, built again. It is dropped CONCURRENTLY, outside the transaction."},
	// security
	{DisablesRowSecurity, HazardSecurity, "Disables row level security on {table}: every role with a privilege on the table sees and changes every row, whatever its policies say."},
	{StopsForcingRowSecurity, HazardSecurity, "Stops forcing row level security on {table}: the table's owner is no longer subject to its policies."},
	{DropsPolicy, HazardSecurity, "Drops policy {policy} on {table}: the rows it allowed or restricted are governed by the remaining policies (none left denies everyone but the owner, a permissive one gone may hide rows, a restrictive one gone shows more)."},
	{ChangesPolicy, HazardSecurity, "Changes policy {policy} on {table}: review which roles and rows it lets through now."},
	{RevokesPrivileges, HazardSecurity, "Revokes privileges ({statement}): roles or applications relying on them lose that access."},
	{DropsTrigger, HazardSecurity, "Drops trigger {trigger} on {table}: whatever it enforced or recorded (audit, integrity, permissions) stops."},
	{DropsEventTrigger, HazardSecurity, "Drops trigger {trigger}: whatever it enforced or recorded (audit, integrity, permissions) stops."},
	{DisablesTrigger, HazardSecurity, "Disables trigger {trigger} on {table} for ordinary sessions: whatever it enforced or recorded stops."},
	{DisablesEventTrigger, HazardSecurity, "Disables trigger {trigger} for ordinary sessions: whatever it enforced or recorded stops."},
	{ChangesOwner, HazardSecurity, "Changes the owner of {object} from {from} to {to}: {to} gets every privilege on it (and may drop it), {from} loses those it held as owner."},
	// unclassified
	{UnclassifiedStatement, HazardUnclassified, "{what}: renovate did not write this statement and cannot tell what it changes; apply runs it only with --allow-unclassified."},
	// replication
	{SubscriptionStatement, HazardReplication, "{what} acts on the publisher (its replication slot) or copies rows from it."},
	{CreatesSubscriptionUnconnected, HazardReplication, "Creating subscription {subscription} does not connect to the publisher (connect = false): it starts disabled, creates no replication slot and copies no rows; before it is enabled, its slot must exist on the publisher, and a refresh copies the rows."},
	{CreatesSubscriptionNoSlot, HazardReplication, "Creating subscription {subscription} connects to the publisher; no replication slot is created (slot_name = NONE): it must exist on the publisher before the subscription is enabled."},
	{CreatesSubscriptionOnSlot, HazardReplication, ownSlot + "."},
	{CreatesSubscriptionCopying, HazardReplication, ownSlot + fillsRows},
	{CreatesSubscriptionSlot, HazardReplication, createSlot + "."},
	{CreatesSlotCopying, HazardReplication, createSlot + fillsRows},
	{DropsSubscriptionNoSlot, HazardReplication, "Dropping subscription {subscription} stops replication; it has no replication slot (slot_name = NONE), so nothing is dropped on the publisher."},
	{DropsSubscription, HazardReplication, "Dropping subscription {subscription} stops replication and connects to the publisher to drop its replication slot {slot}; if the publisher cannot be reached the drop fails (disable it and set slot_name = NONE first to keep the slot)."},
	{RefreshesSubscription, HazardReplication, "Refreshing subscription {subscription} ({why}) starts replicating the tables newly published to it and copies their existing rows from the publisher (copy_data); tables no longer published stop replicating."},
	{DisablesTwoPhase, HazardReplication, "Turning two_phase off for subscription {subscription} connects to the publisher to alter its replication slot {slot}; it fails if transactions the subscription prepared are still pending (commit or roll them back first)."},
}

// HazardTemplates returns the declarations of every hazard message,
// grouped by kind in the order of HazardKinds.
func HazardTemplates() []HazardTemplate {
	return append([]HazardTemplate(nil), hazardTemplates...)
}

// NewHazard returns the hazard named name, its message's placeholders
// filled with args in the order of their first appearance (fmt.Sprint of
// each; QualNames print as schema.name). A test checks every call passes
// as many arguments as its template has placeholders; a placeholder
// without an argument would show as {placeholder}.
func NewHazard(name HazardName, args ...any) Hazard {
	for _, t := range hazardTemplates {
		if t.Name == name {
			return Hazard{Kind: t.Kind, Message: fillTemplate(t.Text, args)}
		}
	}
	return Hazard{Kind: HazardUnclassified, Message: fmt.Sprintf("undeclared hazard %q %v", name, args)}
}

// RecordedHazard is a hazard as a saved plan file recorded it (a
// "-- hazard kind: message" comment): renovate wrote its message when it
// made the plan, or a person edited it since.
func RecordedHazard(kind, message string) Hazard {
	return Hazard{Kind: HazardKind(kind), Message: message}
}

// Placeholders returns the placeholder names of a template text in the
// order of their first appearance: the arguments NewHazard expects.
func (t HazardTemplate) Placeholders() []string {
	var names []string
	seen := map[string]bool{}
	text := t.Text
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			return names
		}
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			return names
		}
		if n := text[i+1 : i+j]; !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
		text = text[i+j+1:]
	}
}

// fillTemplate replaces each {placeholder} of text by its argument.
func fillTemplate(text string, args []any) string {
	var b strings.Builder
	vals := map[string]string{}
	for {
		i := strings.IndexByte(text, '{')
		j := strings.IndexByte(text[max(i, 0):], '}')
		if i < 0 || j < 0 {
			b.WriteString(text)
			return b.String()
		}
		name := text[i+1 : i+j]
		v, ok := vals[name]
		if !ok {
			v = "{" + name + "}"
			if n := len(vals); n < len(args) {
				v = fmt.Sprint(args[n])
				if name == "statement" {
					v = firstLine(v)
				}
			}
			vals[name] = v
		}
		b.WriteString(text[:i])
		b.WriteString(v)
		text = text[i+j+1:]
	}
}

// firstLine is a statement's first line, without its semicolon.
func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " ..."
	}
	return strings.TrimSuffix(s, ";")
}
