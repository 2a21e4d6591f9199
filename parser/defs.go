package parser

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// The definitions below are what one file's statements contribute, before
// anything that needs other statements (default names, foreign keys without
// a column list, comments, ALTER TABLE) is resolved. Each carries the
// location it is reported at.

type schemaDef struct {
	loc  Location
	name string
}

type extensionDef struct {
	loc Location
	ext state.Extension
}

type typeDef struct {
	loc Location
	typ state.Type
}

type sequenceDef struct {
	loc     Location
	seq     state.Sequence
	ownedBy *ownedByDef // nil: not given
}

// ownedByDef is OWNED BY table.column or OWNED BY NONE.
type ownedByDef struct {
	loc    Location
	none   bool
	table  state.QualName
	column string
}

// seqOwnedDef is ALTER SEQUENCE ... OWNED BY.
type seqOwnedDef struct {
	loc     Location
	seq     state.QualName
	ownedBy ownedByDef
}

type tableDef struct {
	loc      Location
	name     state.QualName
	unlogged bool
	columns  []*columnDef
	// cons are the table's constraints, column and table level, in the
	// order written.
	cons []*conDef
	// ext holds partitioning, inheritance and storage (table_partitioning_storage.go).
	ext tableExt
	// foreign is set for CREATE FOREIGN TABLE (foreign.go).
	foreign *state.ForeignTable
	// ofType is the composite type of CREATE TABLE ... OF (typed.go);
	// the columns come from it, and ext.overrides hold the entries
	// (c WITH OPTIONS ...).
	ofType *state.QualName
}

type columnDef struct {
	loc Location
	// col is the column as written. A CREATE TABLE's columns are moved
	// into their table by defineObjects (release): col is then nil and
	// moved holds what later passes read, so the resolver does not hold
	// every column twice.
	col *state.Column
	// serial is the integer type of a serial column ("" otherwise); the
	// sequence and default are filled in during resolution.
	serial string
	moved  columnSummary
}

// columnSummary is what the passes after defineObjects read of a column
// as written.
type columnSummary struct {
	name                                                           string
	hasDefault, notNull, hasStorage, hasCompression, hasFDWOptions bool
}

// summary describes the column as written.
func (c *columnDef) summary() columnSummary {
	if c.col == nil {
		return c.moved
	}
	return columnSummary{
		name:           c.col.Name,
		hasDefault:     c.col.Default != "",
		notNull:        c.col.NotNull,
		hasStorage:     c.col.Storage != "",
		hasCompression: c.col.Compression != "",
		hasFDWOptions:  len(c.col.FDWOptions) > 0,
	}
}

// release drops the column, once copied into its table, keeping its
// summary.
func (c *columnDef) release() {
	c.moved = c.summary()
	c.col = nil
}

// conDef is a constraint whose name and, for foreign keys, referenced
// columns may still be missing.
type conDef struct {
	loc   Location
	table state.QualName
	name  string // explicit name, or "" for PostgreSQL's default
	kind  state.ConstraintKind
	keys  []string // constrained columns (PK, UNIQUE, FK)
	// nameCols are the columns PostgreSQL builds the default name from.
	nameCols []string
	// body is the definition up to the deferrability clause; for a foreign
	// key only "FOREIGN KEY (cols)".
	body     string
	fk       *fkDef
	deferral string // "", " DEFERRABLE" or " DEFERRABLE INITIALLY DEFERRED"
	notValid bool
	// indexSig identifies a PK / UNIQUE constraint's index (columns,
	// INCLUDE, NULLS NOT DISTINCT) for CREATE TABLE's de-duplication.
	indexSig string
	// usingIndex is the index of ADD CONSTRAINT ... USING INDEX, whose
	// columns the constraint takes (resolve_table_partitioning_storage.go).
	usingIndex string
}

// fkDef is the REFERENCES part of a foreign key.
type fkDef struct {
	ref     state.QualName
	refCols []string // empty: the referenced table's primary key
	tail    string   // " MATCH FULL ON UPDATE ... ON DELETE ..."
}

// indexDef is CREATE INDEX with the statement normalized except for its
// name and per-column collations, which need the table.
type indexDef struct {
	loc      Location
	table    state.QualName
	name     string // explicit, or "" for the default
	stmt     *pg_query.IndexStmt
	nameCols []string
}

// commentDef is COMMENT ON.
type commentDef struct {
	loc Location
	// key names the object; for a constraint Table is its table, for an
	// index Table is empty until resolved.
	key     state.ObjectKey
	comment string
}

// alterTableDef is ALTER TABLE with its supported sub-commands.
type alterTableDef struct {
	loc   Location
	table state.QualName
	cmds  []alterCmd
	// missingOK is IF EXISTS: a table defined nowhere is not an error.
	missingOK bool
}

// alterCmd is one ALTER TABLE sub-command; exactly one field is set.
type alterCmd struct {
	loc         Location
	addColumn   *columnDef
	ifNotExists bool      // ADD COLUMN IF NOT EXISTS
	addCons     []*conDef // constraints of ADD COLUMN or ADD CONSTRAINT
	setDefault  *columnChange
	setNotNull  *columnChange
	addIdentity *columnChange
	// rowSecurity is ENABLE, DISABLE, FORCE or NO FORCE (ROW LEVEL
	// SECURITY), applied by the policy pass (policy.go).
	rowSecurity string
	// ext is a sub-command of table_partitioning_storage.go (storage, partitioning,
	// inheritance, DROP COLUMN ...).
	ext *alterExt
	// constraint is VALIDATE or RENAME CONSTRAINT (alter_constraint.go).
	constraint *constraintChange
}

// columnChange is ALTER COLUMN ... SET DEFAULT / SET NOT NULL / ADD
// GENERATED AS IDENTITY.
type columnChange struct {
	column   string
	expr     string // SET DEFAULT's canonical expression
	identity state.Identity
	// identityOpts are the identity's sequence options as written; the
	// defaults depend on the column's type.
	identityOpts *seqOptions
}
