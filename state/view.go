package state

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
