package planner

import (
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// A table whose column default or CHECK constraint calls a routine that
// cannot be created before the table (an SQL-standard body, which
// PostgreSQL checks at creation, reads the table directly or through
// other routines, views and tables) is a cycle no order of whole objects
// can run. The standard move, the one pg_dump makes, breaks it: create
// the table without those expressions, then the routine, then SET
// DEFAULT and ADD CONSTRAINT. Quoted bodies are not checked at creation
// (plans run with check_function_bodies off), so they make no cycle.

// deferredExprs are the parts of a created table added after it: the
// columns whose default and the CHECK constraints whose expression must
// wait for the routines they call.
type deferredExprs struct {
	defaults map[string]bool // column names
	checks   map[string]bool // constraint names
}

// deferred returns the deferred parts of table t of g's model (cached).
func (g *graphRefs) deferred(t *state.Table) deferredExprs {
	n := nodeOf(t.Key())
	if got, ok := g.deferredByTable[n]; ok {
		return got
	}
	out := deferredExprs{defaults: map[string]bool{}, checks: map[string]bool{}}
	needsTable := func(expr string) bool {
		for _, r := range g.calls(expr) {
			if g.creationNeeds(r, n, map[depNode]bool{}) {
				return true
			}
		}
		return false
	}
	for _, c := range t.Columns {
		if c.Default != "" && !c.Inherited && needsTable(c.Default) {
			out.defaults[c.Name] = true
		}
	}
	for _, c := range t.Constraints {
		if c.Kind == state.ConstraintCheck && needsTable(c.Definition) {
			out.checks[c.Name] = true
		}
	}
	g.deferredByTable[n] = out
	return out
}

// creationNeeds reports whether creating the object of node n needs
// target to exist first, through what its definition names: a routine's
// SQL-standard body and signature (DependsOn), a view's relations and
// routines, a table's column types and the routines its defaults and
// checks call; transitively. seen stops cycles.
func (g *graphRefs) creationNeeds(n, target depNode, seen map[depNode]bool) bool {
	if seen[n] {
		return false
	}
	seen[n] = true
	var next []depNode
	switch {
	case n.class == nodeRoutine:
		for _, f := range g.x.routines[n] {
			for _, k := range f.DependsOn {
				if m, ok := g.keyNode(k); ok {
					next = append(next, m)
				}
			}
		}
	case g.x.views[n] != nil:
		next = g.x.refs(g.x.views[n].Key())
	case g.x.tables[n] != nil:
		t := g.x.tables[n]
		next = g.tableRefsWithoutFKs(t.Key())
		for _, c := range t.Columns {
			next = append(next, g.calls(c.Default)...)
		}
		for _, c := range t.Constraints {
			if c.Kind == state.ConstraintCheck {
				next = append(next, g.calls(c.Definition)...)
			}
		}
	}
	for _, m := range next {
		if m == target || g.creationNeeds(m, target, seen) {
			return true
		}
	}
	return false
}

// keyNode is the graph node of a key a routine's DependsOn lists: a
// routine, a relation, or a type (a table's row type is the relation).
func (g *graphRefs) keyNode(k state.ObjectKey) (depNode, bool) {
	switch k.Kind {
	case state.KindFunction, state.KindProcedure:
		return depNode{nodeRoutine, k.Schema, k.Name}, true
	case state.KindTable, state.KindView, state.KindMaterializedView:
		return depNode{nodeRelation, k.Schema, k.Name}, true
	case state.KindType:
		if n, ok := g.x.typeNames[sqlgen.QualifiedName(k.Schema, k.Name)]; ok {
			return n, true
		}
		return depNode{nodeRelation, k.Schema, k.Name}, true
	}
	return depNode{}, false
}
