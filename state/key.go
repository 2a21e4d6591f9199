package state

import "strings"

// Kind is the kind of a database object, as used in ObjectKey, file layout,
// plan steps and error messages.
type Kind string

// Object kinds renovate manages. The names are stable: they appear in JSON
// plans and in filter patterns.
const (
	KindExtension  Kind = "extension"
	KindSchema     Kind = "schema"
	KindType       Kind = "type"
	KindSequence   Kind = "sequence"
	KindTable      Kind = "table"
	KindColumn     Kind = "column"
	KindConstraint Kind = "constraint"
	KindIndex      Kind = "index"

	KindCollation        Kind = "collation"
	KindView             Kind = "view"
	KindMaterializedView Kind = "materialized_view"
	KindFunction         Kind = "function"
	KindProcedure        Kind = "procedure"
	KindTrigger          Kind = "trigger"
	KindEventTrigger     Kind = "event_trigger"
	KindPolicy           Kind = "policy"
	KindPublication      Kind = "publication"
	// Foreign data and subscriptions (foreign.go).
	KindForeignDataWrapper Kind = "foreign_data_wrapper"
	KindServer             Kind = "server"
	KindUserMapping        Kind = "user_mapping"
	KindSubscription       Kind = "subscription"
	KindPrivilege          Kind = "privilege"
	KindDefaultPrivilege   Kind = "default_privilege"
	// KindData is the rows of a data table (a data block of renovate.hcl):
	// the object of INSERT, UPDATE and DELETE steps.
	KindData Kind = "data"
)

// Title returns the kind as a capitalised word for human output
// ("Table public.users changed:").
func (k Kind) Title() string {
	s := strings.ReplaceAll(string(k), "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// ObjectKey identifies one database object. It is the one identity used by
// the parser, the catalog, the layout, the planner and error messages.
//
// Schema is empty for cluster- or database-level objects (extensions,
// schemas). For objects that live inside a table (columns, constraints,
// indexes) Table names the table and Name the object itself. Signature is
// the argument list of a routine, reserved for overloaded functions.
type ObjectKey struct {
	Kind      Kind   `json:"kind"`
	Schema    string `json:"schema,omitempty"`
	Table     string `json:"table,omitempty"`
	Name      string `json:"name"`
	Signature string `json:"signature,omitempty"`
}

// String renders the key for people: "table public.users",
// "column public.users.email". Names are shown unquoted.
func (k ObjectKey) String() string {
	return string(k.Kind) + " " + k.QualifiedName()
}

// QualifiedName is the dotted name without the kind.
func (k ObjectKey) QualifiedName() string {
	var b strings.Builder
	for _, part := range []string{k.Schema, k.Table, k.Name} {
		if part == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(part)
	}
	b.WriteString(k.Signature)
	return b.String()
}

// Less orders keys deterministically: by schema, table, name, signature,
// then kind.
func (k ObjectKey) Less(o ObjectKey) bool {
	if k.Schema != o.Schema {
		return k.Schema < o.Schema
	}
	if k.Table != o.Table {
		return k.Table < o.Table
	}
	if k.Name != o.Name {
		return k.Name < o.Name
	}
	if k.Signature != o.Signature {
		return k.Signature < o.Signature
	}
	return k.Kind < o.Kind
}

// QualName is a schema-qualified object name. Names are stored exactly as
// PostgreSQL stores them (case folded, unquoted); quoting is the SQL
// generator's job.
type QualName struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
}

// String renders the name unquoted, for people.
func (q QualName) String() string {
	if q.Schema == "" {
		return q.Name
	}
	return q.Schema + "." + q.Name
}

// Less orders names by schema, then name.
func (q QualName) Less(o QualName) bool {
	if q.Schema != o.Schema {
		return q.Schema < o.Schema
	}
	return q.Name < o.Name
}
