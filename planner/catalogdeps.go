package planner

import "github.com/renovate-pg/renovate/state"

// The catalog's dependencies.
//
// Most of what an object uses shows in its text, and the parser reads it
// (a view's relations and routines, an expression's calls). Some does
// not: a text search configuration named by a regconfig constant
// ('public.english'::regconfig), the routine behind an operator or a
// cast, an operator class or a collation an index or a view picks. The
// live database's pg_depend records all of it, and the current model
// carries those records (state.DatabaseSchema.CatalogDepends, read by
// state/catalog/queries/depends.sql). A plan that drops an object, to
// create it again or for good, uses them to find the dependents that
// stay: they are dropped before it and created again after it, as for
// the dependents the text shows (closure.go, view.go), and the step graph
// orders their drops before the object's (refIndex.refs).

// catalogRefNode is the dependency node of the object a catalog
// dependency references.
func catalogRefNode(c state.CatalogDepend) depNode {
	return depNode{c.RefClass, c.RefSchema, c.RefName}
}

// catalogRefKey is the object key a view's DependsOn would name the
// referenced object by (depKey reads it).
func catalogRefKey(c state.CatalogDepend) state.ObjectKey {
	kind := state.Kind(c.RefClass)
	if c.RefClass == nodeRoutine {
		kind = state.KindFunction
	}
	return state.ObjectKey{Kind: kind, Schema: c.RefSchema, Name: c.RefName}
}

// catalogHits returns the dependents, keyed as the current model names
// them, that the catalog says use an object some planned step drops.
func (d *differ) catalogHits() map[state.ObjectKey]bool {
	if len(d.from.CatalogDepends) == 0 {
		return nil
	}
	gone := map[depNode]bool{}
	for _, s := range d.steps {
		if s.Action == ActionDrop && s.Object.Table == "" {
			gone[nodeOf(s.Object)] = true
		}
	}
	out := map[state.ObjectKey]bool{}
	for _, c := range d.from.CatalogDepends {
		if gone[catalogRefNode(c)] {
			out[c.Dependent] = true
		}
	}
	return out
}

// withCatalogDepends returns the current model's views with what the
// catalog says each uses added to its DependsOn, for deciding which views
// are recreated around a drop (viewsToRebuild).
func withCatalogDepends(m state.DatabaseSchema, pairs []viewPair) {
	if len(m.CatalogDepends) == 0 {
		return
	}
	byView := map[state.ObjectKey][]state.ObjectKey{}
	for _, c := range m.CatalogDepends {
		switch c.Dependent.Kind {
		case state.KindView, state.KindMaterializedView:
			byView[c.Dependent] = append(byView[c.Dependent], catalogRefKey(c))
		}
	}
	for i := range pairs {
		if more := byView[pairs[i].old.Key()]; len(more) > 0 {
			deps := append([]state.ObjectKey(nil), pairs[i].old.DependsOn...)
			pairs[i].old.DependsOn = append(deps, more...)
		}
	}
}
