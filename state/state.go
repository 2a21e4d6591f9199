package state

// DatabaseSchema is one PostgreSQL database as renovate sees it: everything
// the user manages, from either the local SQL files or the live catalog.
//
// The model holds: extensions; schemas; collations; types (enums, domains,
// composites, ranges); sequences; tables with their columns, constraints,
// indexes, triggers, policies, row level security, storage settings,
// partitioning and inheritance, and foreign tables; views and materialized
// views; functions and procedures; event triggers; publications; foreign
// data wrappers, foreign servers with their user mappings; subscriptions;
// the definition objects (aggregates, casts, statistics objects and text
// search configurations, dictionaries, parsers and templates); comments,
// owners, privileges, default privileges and the privileges of extensions'
// routines. Roles, tablespaces and operator classes are not modelled
// (objects name them by string), nor are operators, rules and conversions.
//
// Every slice is sorted by its elements' keys (see Normalize), so two
// schemas describing the same database are equal with go-cmp and have the
// same Fingerprint.
type DatabaseSchema struct {
	// Extensions are sorted by name. Objects owned by an extension are never
	// part of the model.
	Extensions []Extension `json:"extensions,omitempty"`
	// Schemas holds the user's schemas (never pg_catalog,
	// information_schema, pg_toast or temporary schemas), sorted by name.
	// Objects below name their schema by string; a schema must exist here
	// for its objects to be created.
	Schemas    []Schema    `json:"schemas,omitempty"`
	Collations []Collation `json:"collations,omitempty"`
	Types      []Type      `json:"types,omitempty"`
	Sequences  []Sequence  `json:"sequences,omitempty"`
	Tables     []Table     `json:"tables,omitempty"`
	// Views holds views and materialized views, sorted by name.
	Views []View `json:"views,omitempty"`
	// Functions holds functions and procedures, sorted by name and then
	// identity arguments.
	Functions     []Function     `json:"functions,omitempty"`
	EventTriggers []EventTrigger `json:"event_triggers,omitempty"`
	Publications  []Publication  `json:"publications,omitempty"`
	// ForeignDataWrappers, Servers (with their user mappings) and
	// Subscriptions are sorted by name (foreign.go).
	ForeignDataWrappers []ForeignDataWrapper `json:"foreign_data_wrappers,omitempty"`
	Servers             []ForeignServer      `json:"servers,omitempty"`
	Subscriptions       []Subscription       `json:"subscriptions,omitempty"`
	DefaultPrivileges   []DefaultPrivilege   `json:"default_privileges,omitempty"`
	// Objects are the definition objects (defobject.go): aggregates,
	// casts, statistics and text search objects, sorted by kind and key.
	Objects []DefObject `json:"objects,omitempty"`
	// MemberPrivileges are the privileges of extensions' routines that
	// differ from what CREATE EXTENSION gave them, sorted by key.
	MemberPrivileges []MemberPrivilege `json:"member_privileges,omitempty"`
	// Owners are the objects' owners (owner.go), sorted by object; empty
	// unless owners are managed (renovate.hcl's owners = "manage").
	Owners []Owner `json:"owners,omitempty"`
	// CatalogDepends are dependencies the live database's catalog
	// records (pg_depend) that the definitions' text does not show; set
	// only on a model read from a database (state/catalog), sorted. They
	// are no part of the schema: not compared, not fingerprinted, not
	// written (json "-"), and Clone copies them.
	CatalogDepends []CatalogDepend `json:"-"`
}

// CatalogDepend is one dependency pg_depend records: the object Dependent
// (an index, a view, a rule, a column's default or generation
// expression, a table's or a domain's constraint, a trigger, a policy)
// uses the object Ref. A domain's constraint is Kind "domain_constraint"
// with Table the domain's name.
type CatalogDepend struct {
	Dependent ObjectKey
	// Ref is the referenced object: its class is the kind ("routine" for
	// every function, procedure and aggregate of a name), with its schema
	// and name.
	RefClass, RefSchema, RefName string
}

// Extension is an installed extension (CREATE EXTENSION).
type Extension struct {
	Name string `json:"name"`
	// Schema is where the extension's objects live; empty means "wherever
	// CREATE EXTENSION puts them" and matches any schema.
	Schema string `json:"schema,omitempty"`
	// Version is the installed version; empty means "the default version"
	// and matches any version.
	Version string `json:"version,omitempty"`
}

// Schema is a namespace (CREATE SCHEMA).
type Schema struct {
	Name    string `json:"name"`
	Comment string `json:"comment,omitempty"`
	// Owner is set only where the user manages owners.
	Owner      string      `json:"owner,omitempty"`
	Privileges []Privilege `json:"privileges,omitempty"`
	// OwnerRevoked are the privileges the object's owner revoked from
	// itself (see Privilege): Grantee is the owner's role name (in a model
	// parsed from files, before the engine resolves it, any role's).
	OwnerRevoked []Privilege `json:"owner_revoked,omitempty"`
	// RenamedFrom is the user's declaration that this schema used to be
	// called so (a "-- renovate:renamed-from" annotation). Local side only.
	RenamedFrom string `json:"renamed_from,omitempty"`
}

// TypeKind says which CREATE TYPE variant a Type is.
type TypeKind string

// Type kinds.
const (
	TypeEnum TypeKind = "enum"
)

// Type is a user-defined type: an enum, a domain, a composite or a range
// (Kind); the fields of the last three are in TypeDetails.
type Type struct {
	Schema string   `json:"schema"`
	Name   string   `json:"name"`
	Kind   TypeKind `json:"kind"`
	// Labels are an enum's values in their sort order.
	Labels []string `json:"labels,omitempty"`
	// TypeDetails hold the domain, composite and range fields.
	TypeDetails
	Comment    string      `json:"comment,omitempty"`
	Privileges []Privilege `json:"privileges,omitempty"`
	// OwnerRevoked are the privileges the object's owner revoked from
	// itself (see Privilege): Grantee is the owner's role name (in a model
	// parsed from files, before the engine resolves it, any role's).
	OwnerRevoked []Privilege `json:"owner_revoked,omitempty"`
	// RenamedFrom is a user-declared previous name (local side only).
	RenamedFrom string `json:"renamed_from,omitempty"`
	// RenamedLabels maps new enum labels to the labels they were renamed
	// from (local side only).
	RenamedLabels map[string]string `json:"renamed_labels,omitempty"`
}

// QualName returns the type's schema-qualified name.
func (t Type) QualName() QualName { return QualName{t.Schema, t.Name} }

// SequenceOptions are the options shared by sequences and identity columns.
// Every field holds its effective value: the parser fills in PostgreSQL's
// defaults for options the SQL leaves out, so "CREATE SEQUENCE s" and
// "CREATE SEQUENCE s AS bigint START 1 INCREMENT 1 ..." are equal.
type SequenceOptions struct {
	// DataType is "smallint", "integer" or "bigint".
	DataType  string `json:"data_type"`
	Start     int64  `json:"start"`
	Increment int64  `json:"increment"`
	MinValue  int64  `json:"min_value"`
	MaxValue  int64  `json:"max_value"`
	Cache     int64  `json:"cache"`
	Cycle     bool   `json:"cycle,omitempty"`
}

// Sequence is a sequence object. Its current value is deliberately not
// part of the model: comparing or resetting it would break live data.
type Sequence struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	SequenceOptions
	// OwnedBy is the column the sequence belongs to (ALTER SEQUENCE ...
	// OWNED BY), nil for a standalone sequence. PostgreSQL requires the
	// table to be in the sequence's schema.
	OwnedBy    *ColumnRef  `json:"owned_by,omitempty"`
	Comment    string      `json:"comment,omitempty"`
	Privileges []Privilege `json:"privileges,omitempty"`
	// OwnerRevoked are the privileges the object's owner revoked from
	// itself (see Privilege): Grantee is the owner's role name (in a model
	// parsed from files, before the engine resolves it, any role's).
	OwnerRevoked []Privilege `json:"owner_revoked,omitempty"`
}

// QualName returns the sequence's schema-qualified name.
func (s Sequence) QualName() QualName { return QualName{s.Schema, s.Name} }

// ColumnRef names a column of a table in a known schema.
type ColumnRef struct {
	Table  string `json:"table"`
	Column string `json:"column"`
}

// Table is an ordinary table with everything that belongs to it.
type Table struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	// Columns are in their ordinal order. Order is informational only: the
	// planner matches columns by name and never rebuilds a table to reorder.
	Columns []Column `json:"columns"`
	// Constraints are sorted by name. NOT NULL is a column property, not a
	// constraint here.
	Constraints []Constraint `json:"constraints,omitempty"`
	// Indexes are sorted by name. Indexes that implement a primary key,
	// unique or exclusion constraint belong to that constraint and are not
	// listed.
	Indexes  []Index `json:"indexes,omitempty"`
	Unlogged bool    `json:"unlogged,omitempty"`
	Comment  string  `json:"comment,omitempty"`
	// PartitionBy is the canonical partition key of a partitioned table
	// ("RANGE (created_at)"), empty otherwise.
	PartitionBy string `json:"partition_by,omitempty"`
	// PartitionOf is the parent of a partition, whose bound is
	// PartitionBound ("FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')",
	// "DEFAULT").
	PartitionOf    *QualName `json:"partition_of,omitempty"`
	PartitionBound string    `json:"partition_bound,omitempty"`
	// Inherits are the parents of an inheritance child, in order.
	Inherits []QualName `json:"inherits,omitempty"`
	// OfType is the composite type of a typed table (CREATE TABLE ... OF
	// type), nil for other tables. Its Columns are the type's attributes,
	// in their order, with their types and collations; what a column has
	// of its own (DEFAULT, NOT NULL, storage, statistics ...) and the
	// constraints are the table's. ALTER TYPE ... CASCADE changes the
	// columns of every table of the type.
	OfType *QualName `json:"of_type,omitempty"`
	// Foreign is set for a foreign table (CREATE FOREIGN TABLE): its
	// server and options. A foreign table has no indexes, primary key,
	// unique or foreign key constraints.
	Foreign *ForeignTable `json:"foreign,omitempty"`
	// Options are storage parameters ("fillfactor=70"), in the order the
	// server keeps them (the table's own, then the "toast." ones): the
	// order means nothing to PostgreSQL, and the planner compares them as
	// a set, but the files keep it so a rebuild stores the same array.
	Options    []string `json:"options,omitempty"`
	Tablespace string   `json:"tablespace,omitempty"`
	// AccessMethod is the table access method of CREATE TABLE ... USING
	// (pg_class.relam); empty for heap, the default.
	AccessMethod string `json:"access_method,omitempty"`
	// ReplicaIdentity is "", "full", "nothing" or "index <name>"; empty
	// is the default.
	ReplicaIdentity string `json:"replica_identity,omitempty"`
	// ClusterOn is the index ALTER TABLE ... CLUSTER ON marked
	// (indisclustered): one of Indexes or the index of one of the
	// Constraints. Empty when none is.
	ClusterOn string `json:"cluster_on,omitempty"`
	// RLSEnabled and RLSForced are ENABLE / FORCE ROW LEVEL SECURITY.
	RLSEnabled bool        `json:"rls_enabled,omitempty"`
	RLSForced  bool        `json:"rls_forced,omitempty"`
	Policies   []Policy    `json:"policies,omitempty"`
	Triggers   []Trigger   `json:"triggers,omitempty"`
	Privileges []Privilege `json:"privileges,omitempty"`
	// OwnerRevoked are the privileges the object's owner revoked from
	// itself (see Privilege): Grantee is the owner's role name (in a model
	// parsed from files, before the engine resolves it, any role's).
	OwnerRevoked []Privilege `json:"owner_revoked,omitempty"`
	// Owner is set only where the user manages owners.
	Owner string `json:"owner,omitempty"`
	// RenamedFrom is a user-declared previous name in the same schema
	// (local side only).
	RenamedFrom string `json:"renamed_from,omitempty"`
}

// QualName returns the table's schema-qualified name.
func (t Table) QualName() QualName { return QualName{t.Schema, t.Name} }

// Key returns the table's ObjectKey.
func (t Table) Key() ObjectKey { return ObjectKey{Kind: KindTable, Schema: t.Schema, Name: t.Name} }

// Column returns the column called name, if any.
func (t Table) Column(name string) (Column, bool) {
	for _, c := range t.Columns {
		if c.Name == name {
			return c, true
		}
	}
	return Column{}, false
}

// Identity says how an identity column generates values.
type Identity string

// Identity kinds; the empty Identity means "not an identity column".
const (
	IdentityAlways    Identity = "always"
	IdentityByDefault Identity = "by default"
)

// Column is a table column.
type Column struct {
	Name string `json:"name"`
	// Type is the canonical SQL spelling of the type with modifiers, as
	// PostgreSQL's format_type prints it with only pg_catalog on the
	// search path: "integer", "character varying(20)", "numeric(10,2)",
	// "timestamp with time zone", "public.status", "text[]". It is SQL text,
	// quoted where needed.
	Type string `json:"type"`
	// Collation is the column's explicit collation as SQL text
	// (`"C"`, `public.mycoll`), empty for the type's default.
	Collation string `json:"collation,omitempty"`
	NotNull   bool   `json:"not_null,omitempty"`
	// Default is the canonical SQL of the DEFAULT expression, empty for
	// none. Mutually exclusive with Generated and Identity.
	Default string `json:"default,omitempty"`
	// Identity is set for GENERATED ... AS IDENTITY columns, whose
	// sequence options are IdentityOptions.
	Identity        Identity         `json:"identity,omitempty"`
	IdentityOptions *SequenceOptions `json:"identity_options,omitempty"`
	// Generated is the canonical SQL of a GENERATED ALWAYS AS (...) STORED
	// expression.
	Generated string `json:"generated,omitempty"`
	// Storage is a non-default STORAGE (plain, external, extended, main)
	// and Compression a non-default COMPRESSION (pglz, lz4).
	Storage     string `json:"storage,omitempty"`
	Compression string `json:"compression,omitempty"`
	// Statistics is the column's statistics target (ALTER COLUMN ... SET
	// STATISTICS), nil for the default (-1). A table's own setting: it is
	// never inherited.
	Statistics *int `json:"statistics,omitempty"`
	// Options are the column's attribute options ("n_distinct=-0.5",
	// ALTER COLUMN ... SET (...)) in the order the server keeps them,
	// compared as a set.
	Options []string `json:"options,omitempty"`
	// FDWOptions are a foreign table column's options (OPTIONS
	// (column_name 'x')), compared as a set.
	FDWOptions []Option `json:"fdw_options,omitempty"`
	// Inherited marks a column that comes from a parent (inheritance or
	// partitioning) and is not declared locally.
	Inherited  bool        `json:"inherited,omitempty"`
	Comment    string      `json:"comment,omitempty"`
	Privileges []Privilege `json:"privileges,omitempty"`
	// IdentityPrivileges are the privileges on the sequence of an
	// identity column. That sequence is not an object of the model; its
	// name is PostgreSQL's default for it, <table>_<column>_seq
	// (IdentitySequenceName), which is how files GRANT on it.
	IdentityPrivileges []Privilege `json:"identity_privileges,omitempty"`
	RenamedFrom        string      `json:"renamed_from,omitempty"`
}

// ConstraintKind is the kind of a table constraint.
type ConstraintKind string

// Constraint kinds.
const (
	ConstraintPrimaryKey ConstraintKind = "primary_key"
	ConstraintUnique     ConstraintKind = "unique"
	ConstraintCheck      ConstraintKind = "check"
	ConstraintForeignKey ConstraintKind = "foreign_key"
	ConstraintExclusion  ConstraintKind = "exclusion"
)

// Constraint is a named table constraint.
type Constraint struct {
	Name string         `json:"name"`
	Kind ConstraintKind `json:"kind"`
	// Definition is the canonical SQL of the constraint after
	// "CONSTRAINT name", without NOT VALID: "PRIMARY KEY (id)",
	// "CHECK (price > 0)", "FOREIGN KEY (user_id) REFERENCES public.users
	// (id) ON DELETE CASCADE". Two constraints are the same when their
	// Definition and NotValid are.
	Definition string `json:"definition"`
	// Columns are the constrained columns of a primary key, unique or
	// foreign key constraint, in order. Derived from Definition; used for
	// dependencies and default names.
	Columns []string `json:"columns,omitempty"`
	// References is the table a foreign key points at (derived from
	// Definition, used for ordering).
	References *QualName `json:"references,omitempty"`
	// NotValid marks a CHECK or FOREIGN KEY added NOT VALID and not yet
	// validated.
	NotValid bool   `json:"not_valid,omitempty"`
	Comment  string `json:"comment,omitempty"`
	// IndexComment is the comment on the index of a primary key, unique
	// or exclusion constraint (COMMENT ON INDEX), which is not the
	// constraint's own comment.
	IndexComment string `json:"index_comment,omitempty"`
	RenamedFrom  string `json:"renamed_from,omitempty"`
}

// Index is an index that does not back a constraint.
type Index struct {
	Name   string `json:"name"`
	Unique bool   `json:"unique,omitempty"`
	// Definition is the canonical CREATE INDEX statement (without
	// CONCURRENTLY or IF NOT EXISTS, with the table schema-qualified), as
	// pg_get_indexdef prints it.
	Definition string `json:"definition"`
	// Statistics are the statistics targets of the index's expression
	// columns (ALTER INDEX ... ALTER COLUMN n SET STATISTICS m), by
	// column number, sorted; columns at the default are left out.
	Statistics  []IndexStatistics `json:"statistics,omitempty"`
	Comment     string            `json:"comment,omitempty"`
	RenamedFrom string            `json:"renamed_from,omitempty"`
}

// IndexStatistics is the statistics target of one index column.
type IndexStatistics struct {
	// Column is the column's number in the index, from 1.
	Column int `json:"column"`
	Target int `json:"target"`
}

// DefaultSequenceOptions returns the options PostgreSQL gives a sequence (or
// identity column) of the given data type and increment when CREATE SEQUENCE
// names nothing else: the full range of the type in the direction of the
// increment, starting at its near end, cache 1, no cycle. dataType is
// "smallint", "integer" or "bigint"; anything else is treated as bigint.
func DefaultSequenceOptions(dataType string, increment int64) SequenceOptions {
	if increment == 0 {
		increment = 1
	}
	var typeMin, typeMax int64
	switch dataType {
	case "smallint":
		typeMin, typeMax = -32768, 32767
	case "integer":
		typeMin, typeMax = -2147483648, 2147483647
	default:
		dataType = "bigint"
		typeMin, typeMax = -9223372036854775808, 9223372036854775807
	}
	o := SequenceOptions{DataType: dataType, Increment: increment, Cache: 1}
	if increment > 0 {
		o.MinValue, o.MaxValue, o.Start = 1, typeMax, 1
	} else {
		o.MinValue, o.MaxValue, o.Start = typeMin, -1, -1
	}
	return o
}
