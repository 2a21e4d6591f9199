package state

// This file holds the object kinds beyond tables, sequences and enums:
// views, routines, triggers, policies, privileges, collations,
// publications and the other kinds of type. They follow the same rules as
// state.go: plain values, slices sorted by key (Normalize), SQL fragments
// in canonical form as the parser produces them.

// Privilege is one privilege granted on an object. Owners' implicit
// privileges and the defaults PostgreSQL gives a new object (EXECUTE to
// PUBLIC on functions, USAGE to PUBLIC on types) are filled in on both
// sides, so a NULL ACL and its spelled-out default compare equal.
type Privilege struct {
	// Grantee is a role name, or "PUBLIC".
	Grantee string `json:"grantee"`
	// Privilege is the keyword: SELECT, INSERT, UPDATE, DELETE, TRUNCATE,
	// REFERENCES, TRIGGER, USAGE, CREATE, EXECUTE, ...
	Privilege string `json:"privilege"`
	Grantable bool   `json:"grantable,omitempty"`
}

// DefaultPrivilege is one ALTER DEFAULT PRIVILEGES entry: objects of
// ObjectType created by Role (in Schema, or anywhere when empty) get
// Privilege for Grantee.
type DefaultPrivilege struct {
	Role   string `json:"role"`
	Schema string `json:"schema,omitempty"`
	// ObjectType is "tables", "sequences", "functions", "types" or
	// "schemas".
	ObjectType string `json:"object_type"`
	Privilege
}

// Collation is a CREATE COLLATION object.
type Collation struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	// Provider is "libc", "icu" or "builtin".
	Provider      string `json:"provider"`
	Locale        string `json:"locale,omitempty"`
	LcCollate     string `json:"lc_collate,omitempty"`
	LcCtype       string `json:"lc_ctype,omitempty"`
	Deterministic bool   `json:"deterministic"`
	Comment       string `json:"comment,omitempty"`
}

// QualName returns the collation's schema-qualified name.
func (c Collation) QualName() QualName { return QualName{c.Schema, c.Name} }

// Attribute is an attribute of a composite type.
type Attribute struct {
	Name      string `json:"name"`
	Type      string `json:"type"`
	Collation string `json:"collation,omitempty"`
}

// Type kinds beyond enums.
const (
	TypeDomain    TypeKind = "domain"
	TypeComposite TypeKind = "composite"
	TypeRange     TypeKind = "range"
)

// TypeDetails hold the fields of the non-enum kinds of Type; only those of
// the type's Kind are set.
type TypeDetails struct {
	// Domain: base type (canonical SQL), default, NOT NULL, collation and
	// named CHECK constraints (Definition "CHECK (VALUE > 0)").
	BaseType string       `json:"base_type,omitempty"`
	Default  string       `json:"default,omitempty"`
	NotNull  bool         `json:"not_null,omitempty"`
	Checks   []Constraint `json:"checks,omitempty"`
	// Composite.
	Attributes []Attribute `json:"attributes,omitempty"`
	// Range.
	Subtype        string `json:"subtype,omitempty"`
	SubtypeOpClass string `json:"subtype_opclass,omitempty"`
	Canonical      string `json:"canonical,omitempty"`
	SubtypeDiff    string `json:"subtype_diff,omitempty"`
	MultirangeName string `json:"multirange_name,omitempty"`
	// Collation is a domain's or range's collation.
	Collation string `json:"collation,omitempty"`
}

// View is a view or a materialized view.
type View struct {
	Schema       string `json:"schema"`
	Name         string `json:"name"`
	Materialized bool   `json:"materialized,omitempty"`
	// Definition is the canonical text of the view's query.
	Definition string `json:"definition"`
	// Columns are the view's output column names, in order (CREATE OR
	// REPLACE VIEW can only append).
	Columns []string `json:"columns,omitempty"`
	// Options are reloptions such as "security_barrier=true" and
	// "check_option=local", sorted.
	Options []string `json:"options,omitempty"`
	// Indexes of a materialized view, sorted by name.
	Indexes    []Index     `json:"indexes,omitempty"`
	Comment    string      `json:"comment,omitempty"`
	Privileges []Privilege `json:"privileges,omitempty"`
	// DependsOn are the relations and functions the query uses, sorted;
	// derived, used for ordering.
	DependsOn   []ObjectKey `json:"depends_on,omitempty"`
	RenamedFrom string      `json:"renamed_from,omitempty"`
}

// QualName returns the view's schema-qualified name.
func (v View) QualName() QualName { return QualName{v.Schema, v.Name} }

// Function is a function or procedure (one overload).
type Function struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	// Procedure is true for CREATE PROCEDURE.
	Procedure bool `json:"procedure,omitempty"`
	// IdentityArguments is the argument list that identifies the overload,
	// as pg_get_function_identity_arguments prints it ("a integer, b text").
	IdentityArguments string `json:"identity_arguments"`
	// Arguments is the full argument list with modes, names and defaults,
	// as pg_get_function_arguments prints it.
	Arguments string `json:"arguments"`
	// Result is the result clause as pg_get_function_result prints it
	// ("integer", "SETOF public.t", "TABLE(a text, c integer)"); empty for
	// procedures.
	Result   string `json:"result,omitempty"`
	Language string `json:"language"`
	// Body is the source (prosrc) exactly as written between the quotes,
	// or the canonical SQL-standard body (BEGIN ATOMIC ... END).
	Body string `json:"body"`
	// Volatility is "immutable", "stable" or "volatile".
	Volatility      string `json:"volatility,omitempty"`
	Strict          bool   `json:"strict,omitempty"`
	SecurityDefiner bool   `json:"security_definer,omitempty"`
	Leakproof       bool   `json:"leakproof,omitempty"`
	// Parallel is "safe", "restricted" or "unsafe".
	Parallel string  `json:"parallel,omitempty"`
	Cost     float64 `json:"cost,omitempty"`
	Rows     float64 `json:"rows,omitempty"`
	// Config are SET clauses ("search_path=public, pg_temp"), sorted.
	Config     []string    `json:"config,omitempty"`
	Comment    string      `json:"comment,omitempty"`
	Privileges []Privilege `json:"privileges,omitempty"`
	// DependsOn are objects the function's signature or SQL body uses;
	// derived, used for ordering.
	DependsOn   []ObjectKey `json:"depends_on,omitempty"`
	RenamedFrom string      `json:"renamed_from,omitempty"`
}

// Key returns the function's ObjectKey (with its signature).
func (f Function) Key() ObjectKey {
	k := KindFunction
	if f.Procedure {
		k = KindProcedure
	}
	return ObjectKey{Kind: k, Schema: f.Schema, Name: f.Name, Signature: "(" + f.IdentityArguments + ")"}
}

// Trigger is a trigger on a table or view.
type Trigger struct {
	Name string `json:"name"`
	// Definition is the canonical CREATE [CONSTRAINT] TRIGGER statement.
	Definition string `json:"definition"`
	// Function is the trigger function.
	Function QualName `json:"function"`
	// Enabled is "origin" (the default), "disabled", "replica" or
	// "always".
	Enabled string `json:"enabled,omitempty"`
	Comment string `json:"comment,omitempty"`
}

// EventTrigger is a CREATE EVENT TRIGGER object.
type EventTrigger struct {
	Name     string   `json:"name"`
	Event    string   `json:"event"`
	Tags     []string `json:"tags,omitempty"`
	Function QualName `json:"function"`
	Enabled  string   `json:"enabled,omitempty"`
	Comment  string   `json:"comment,omitempty"`
}

// Policy is a row-level security policy of a table.
type Policy struct {
	Name       string `json:"name"`
	Permissive bool   `json:"permissive"`
	// Command is ALL, SELECT, INSERT, UPDATE or DELETE.
	Command string `json:"command"`
	// Roles are sorted; "PUBLIC" when the policy applies to everyone.
	Roles     []string `json:"roles"`
	Using     string   `json:"using,omitempty"`
	WithCheck string   `json:"with_check,omitempty"`
	Comment   string   `json:"comment,omitempty"`
}

// Publication is a logical replication publication.
type Publication struct {
	Name      string `json:"name"`
	AllTables bool   `json:"all_tables,omitempty"`
	// Tables are the published tables, sorted (with a column list or row
	// filter in canonical SQL when given, e.g. "public.t (a, b) WHERE (a > 0)").
	Tables []string `json:"tables,omitempty"`
	// Publish lists the published operations, in the order insert,
	// update, delete, truncate.
	Publish []string `json:"publish,omitempty"`
	ViaRoot bool     `json:"via_root,omitempty"`
	Comment string   `json:"comment,omitempty"`
}
