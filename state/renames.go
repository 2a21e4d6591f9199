package state

// RelationRenames are the renames of tables, views and columns a plan
// declares, by the remote's names: Relations maps a relation's old name to
// its new name (in the same schema), Columns a table's old name to its
// column renames (old column name to new). Views read through renamed
// relations and columns print the new names once the renames ran (see
// parser.RenameInQuery). The planner works them out
// (planner.DeclaredRelationRenames); server-tier normalization prints
// desired view queries under them.
type RelationRenames struct {
	Relations map[QualName]string
	Columns   map[QualName]map[string]string
	// Applied are the relation renames the model already shows (the
	// relation has its new name there), which Reverse leaves out.
	Applied map[QualName]bool
}

// Reverse returns the renames still to run undone, by the new names: for
// printing a desired view's query on the remote database, where the old
// names still stand.
func (r RelationRenames) Reverse() RelationRenames {
	out := RelationRenames{Relations: map[QualName]string{}, Columns: map[QualName]map[string]string{}}
	for old, nw := range r.Relations {
		if !r.Applied[old] {
			out.Relations[QualName{Schema: old.Schema, Name: nw}] = old.Name
		}
	}
	for old, cols := range r.Columns {
		q := old
		if nw, ok := r.Relations[old]; ok {
			q.Name = nw
		}
		m := map[string]string{}
		for o, n := range cols {
			m[n] = o
		}
		out.Columns[q] = m
	}
	return out
}

// Empty reports whether nothing is renamed.
func (r RelationRenames) Empty() bool { return len(r.Relations) == 0 && len(r.Columns) == 0 }
