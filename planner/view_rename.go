package planner

import "github.com/renovate-pg/renovate/state"

// DeclaredRelationRenames returns the renames Diff(from, to) plans for
// tables (and their columns) and views: a desired object's renamed-from
// annotation is honored when the old name exists on the remote side, the
// new one does not, and the old name is not wanted for another object.
func DeclaredRelationRenames(from, to state.DatabaseSchema) state.RelationRenames {
	r := state.RelationRenames{Relations: map[state.QualName]string{}, Columns: map[state.QualName]map[string]string{}, Applied: map[state.QualName]bool{}}
	d := &differ{from: from, to: to}
	for _, t := range to.Tables {
		oldQ := t.QualName()
		old, ok := from.Table(oldQ)
		if t.RenamedFrom != "" {
			prev := state.QualName{Schema: t.Schema, Name: t.RenamedFrom}
			prevTable, prevExists := from.Table(prev)
			switch {
			case !ok && prevExists && !d.desiredRelation(prev):
				old, ok, oldQ = prevTable, true, prev
				r.Relations[prev] = t.Name
			case ok && !prevExists && !d.desiredRelation(prev):
				// The model already has the rename (the planner applies
				// table renames to it first); what reads the table may
				// still use the old name.
				r.Relations[prev] = t.Name
				r.Applied[prev] = true
			}
		}
		if !ok {
			continue
		}
		for _, c := range t.Columns {
			if c.RenamedFrom == "" {
				continue
			}
			if _, exists := old.Column(c.Name); exists {
				continue
			}
			if _, had := old.Column(c.RenamedFrom); !had {
				continue
			}
			if _, clash := t.Column(c.RenamedFrom); clash {
				continue
			}
			// By both names of the table, as texts may use either.
			for _, q := range []state.QualName{oldQ, t.QualName()} {
				if r.Columns[q] == nil {
					r.Columns[q] = map[string]string{}
				}
				r.Columns[q][c.RenamedFrom] = c.Name
			}
			if t.RenamedFrom != "" {
				q := state.QualName{Schema: t.Schema, Name: t.RenamedFrom}
				if r.Columns[q] == nil {
					r.Columns[q] = map[string]string{}
				}
				r.Columns[q][c.RenamedFrom] = c.Name
			}
		}
	}
	pairs, _, _ := d.matchViews()
	for _, p := range pairs {
		if p.renamed {
			r.Relations[p.old.QualName()] = p.nw.Name
		}
	}
	return r
}
