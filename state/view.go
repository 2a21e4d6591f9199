package state

import "sort"

// View is a view or a materialized view.
type View struct {
	Schema       string `json:"schema"`
	Name         string `json:"name"`
	Materialized bool   `json:"materialized,omitempty"`
	// Definition is the canonical text of the view's query (without a
	// trailing semicolon). In the catalog's raw model it is
	// pg_get_viewdef(oid) (not the pretty form, which can
	// flatten nested AND/OR) with only pg_catalog on the search path;
	// the parser turns that and what a person writes into one canonical
	// form.
	Definition string `json:"definition"`
	// Columns are the view's output columns in order, with their types,
	// where known: introspection fills them for the remote side and the
	// server tier for local views it printed; the parser leaves them empty
	// (it cannot know the types). They are informational, never compared:
	// the planner uses them to decide whether CREATE OR REPLACE VIEW can
	// change a view in place (it can only append columns).
	Columns []ViewColumn `json:"columns,omitempty"`
	// Options are reloptions such as "security_barrier=true" and
	// "check_option=local", sorted. WITH [LOCAL|CASCADED] CHECK OPTION is
	// the check_option reloption.
	Options []string `json:"options,omitempty"`
	// Indexes of a materialized view, sorted by name.
	Indexes []Index `json:"indexes,omitempty"`
	// ClusterOn is the index of a materialized view that ALTER
	// MATERIALIZED VIEW ... CLUSTER ON marked, "" for none.
	ClusterOn string `json:"cluster_on,omitempty"`
	Comment   string `json:"comment,omitempty"`
	// Triggers on the view (INSTEAD OF, or statement-level), sorted by name.
	Triggers []Trigger `json:"triggers,omitempty"`
	// ColumnComments are the comments on the view's columns, by column
	// name.
	ColumnComments map[string]string `json:"column_comments,omitempty"`
	// ColumnDefaults are the defaults of the view's columns (ALTER VIEW
	// ... ALTER COLUMN ... SET DEFAULT), used by INSERTs through the view,
	// by column name, as canonical SQL like Column.Default.
	ColumnDefaults map[string]string `json:"column_defaults,omitempty"`
	Privileges     []Privilege       `json:"privileges,omitempty"`
	// Tablespace is a materialized view's tablespace, "" for the
	// database's default.
	Tablespace string `json:"tablespace,omitempty"`
	// OwnerRevoked are the privileges the object's owner revoked from
	// itself (see Privilege): Grantee is the owner's role name (in a model
	// parsed from files, before the engine resolves it, any role's).
	OwnerRevoked []Privilege `json:"owner_revoked,omitempty"`
	// ColumnPrivileges are the column-level privileges (GRANT SELECT (c)
	// ON v), by column name; a column without any is absent.
	ColumnPrivileges map[string][]Privilege `json:"column_privileges,omitempty"`
	// DependsOn are the relations, functions and types the query uses,
	// sorted; derived by the parser from the query, used for ordering and
	// to find the views a change underneath forces to be recreated.
	// Relations are keyed as tables unless a view of that name is known;
	// functions carry no signature.
	DependsOn []ObjectKey `json:"depends_on,omitempty"`
	// ReadsFromCatalog is what the database records the view as reading
	// (pg_depend of its rewrite rule), by name: the columns it reads (Kind
	// column, Table set), the relations it reads no column of (Kind
	// table, whatever their relkind) and the constraints it relies on
	// (Kind constraint, Table set: a primary key GROUP BY uses). Like
	// Columns it is informational and only known on the remote side
	// (empty otherwise); it lets the planner recreate a view only when
	// something it really uses is dropped or changes type.
	ReadsFromCatalog []ObjectKey `json:"reads_from_catalog,omitempty"`
	RenamedFrom      string      `json:"renamed_from,omitempty"`
}

// ViewColumn is one output column of a view.
type ViewColumn struct {
	Name string `json:"name"`
	// Type is the column's type as format_type prints it, followed by
	// " COLLATE <collation>" when the column's collation is not its
	// type's default.
	Type string `json:"type,omitempty"`
}

// QualName returns the view's schema-qualified name.
func (v View) QualName() QualName { return QualName{v.Schema, v.Name} }

// Kind returns KindMaterializedView or KindView.
func (v View) Kind() Kind {
	if v.Materialized {
		return KindMaterializedView
	}
	return KindView
}

// Key returns the view's ObjectKey.
func (v View) Key() ObjectKey { return ObjectKey{Kind: v.Kind(), Schema: v.Schema, Name: v.Name} }

// View returns the view or materialized view called q. s must be
// normalized.
func (s DatabaseSchema) View(q QualName) (View, bool) {
	i := sort.Search(len(s.Views), func(i int) bool { return !s.Views[i].QualName().Less(q) })
	if i < len(s.Views) && s.Views[i].QualName() == q {
		return s.Views[i], true
	}
	return View{}, false
}
