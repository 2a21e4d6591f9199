package planner

import (
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// dropFunctionDependents plans the table parts that must go before the
// routines in gone can be dropped, and come back after they are created
// again: column defaults, generated columns, CHECK and exclusion
// constraints and indexes whose expressions call one of them. PostgreSQL
// records those dependencies and refuses DROP FUNCTION while they exist
// (renovate never uses CASCADE). Parts the table planner already drops or
// creates are left to it.
//
// Expressions are in canonical form, where a routine outside pg_catalog
// is always schema-qualified, so a call shows as "schema.name(".
func (d *differ) dropFunctionDependents(gone []state.Function) {
	if len(gone) == 0 {
		return
	}
	var calls []string
	seen := map[state.QualName]bool{}
	for _, f := range gone {
		if !seen[f.QualName()] {
			seen[f.QualName()] = true
			calls = append(calls, sqlgen.QualifiedName(f.Schema, f.Name)+"(")
		}
	}
	d.dropExpressionDependents(func(_ state.ObjectKey, expr string) bool {
		for _, c := range calls {
			if strings.Contains(expr, c) {
				return true
			}
		}
		return false
	})
}

// dropExpressionDependents is dropFunctionDependents for any object an
// expression can name: uses reports whether an expression of the current
// model uses one that goes (a routine, an operator). It is given the
// part's key as the current model names it (table and part by their
// remote names) and its expression.
func (d *differ) dropExpressionDependents(uses func(part state.ObjectKey, expr string) bool) {
	for _, old := range d.from.Tables {
		nw, kept := d.desiredTable(old.QualName())
		if !kept {
			continue // dropped with its table, before any routine
		}
		q, oq := nw.QualName(), old.QualName()
		for _, c := range old.Columns {
			oldKey := memberKey(state.KindColumn, oq, c.Name)
			name := d.desiredColumnName(nw, c.Name)
			nc, ok := nw.Column(name)
			key := memberKey(state.KindColumn, q, name)
			switch {
			case !ok:
				// Dropped with its column.
			case c.Generated != "" && uses(oldKey, c.Generated):
				if !d.hasStep(key, ActionDrop) {
					// A generated column's expression cannot be changed
					// in place: recompute it by recreating the column.
					d.add(phaseDropColumn, key, ActionDrop, sqlgen.DropColumn(q, name),
						NewHazard(RecreatesGeneratedAround, q, name))
					d.add(phaseAlterColumn, key, ActionCreate, sqlgen.AddColumn(q, nc))
					if nc.Comment != "" {
						d.add(phaseComment, key, ActionAlter, sqlgen.Comment("COLUMN", sqlgen.Qual(q)+"."+sqlgen.QuoteIdent(name), nc.Comment))
					}
				}
			case c.Default != "" && uses(oldKey, c.Default):
				drop := sqlgen.DropDefault(q, name)
				if d.hasStepSQL(key, drop) {
					break // planned already, for another object it uses
				}
				d.add(phaseDropConstraint, key, ActionAlter, drop)
				set := sqlgen.SetDefault(q, name, nc.Default)
				if nc.Default != "" && !d.hasStepSQL(key, set) {
					d.add(phaseAlterColumn, key, ActionAlter, set)
				}
			}
		}
		for _, c := range old.Constraints {
			if c.Kind == state.ConstraintForeignKey || !uses(memberKey(state.KindConstraint, oq, c.Name), c.Definition) {
				continue
			}
			key := memberKey(state.KindConstraint, q, c.Name)
			if !d.hasStep(key, ActionDrop) {
				d.add(phaseDropConstraint, key, ActionDrop, sqlgen.DropConstraint(q, c.Name))
				if nc, ok := findConstraint(nw, c.Name); ok && !d.hasStep(key, ActionCreate) {
					d.addConstraint(nw, nc)
				}
			}
		}
		for _, ix := range old.Indexes {
			if !uses(memberKey(state.KindIndex, oq, ix.Name), ix.Definition) {
				continue
			}
			key := memberKey(state.KindIndex, q, ix.Name)
			if !d.hasStep(key, ActionDrop) {
				d.add(phaseDropIndex, key, ActionDrop, sqlgen.DropIndex(q.Schema, ix.Name))
				for _, nx := range nw.Indexes {
					if nx.Name == ix.Name && !d.hasStep(key, ActionCreate) {
						d.add(phaseCreateIndex, key, ActionCreate, sqlgen.CreateIndex(nx),
							NewHazard(BuildsIndex, nx.Name, q))
						d.newIndexSettings(q, nx)
					}
				}
			}
		}
	}
}

// hasStep reports whether a step with the given object and action is
// planned already.
func (d *differ) hasStep(key state.ObjectKey, a Action) bool {
	for _, s := range d.steps {
		if s.Object == key && s.Action == a {
			return true
		}
	}
	return false
}

// hasStepSQL reports whether the exact statement is planned already for
// the object.
func (d *differ) hasStepSQL(key state.ObjectKey, sql string) bool {
	for _, s := range d.steps {
		if s.Object == key && s.SQL == sql {
			return true
		}
	}
	return false
}

// droppedRoutines returns the names of the routines some step drops
// (including those dropped to be created again).
func (d *differ) droppedRoutines() map[state.QualName]bool {
	out := map[state.QualName]bool{}
	for _, s := range d.steps {
		if s.Action == ActionDrop && (s.Object.Kind == state.KindFunction || s.Object.Kind == state.KindProcedure) {
			out[state.QualName{Schema: s.Object.Schema, Name: s.Object.Name}] = true
		}
	}
	return out
}
