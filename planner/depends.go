package planner

import (
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// Step dependencies.
//
// The planner orders steps by phase (phase.go) and, inside a phase, by
// the order it produced them in; it does not keep the graph behind that
// order. dependencies recovers the part of it a reader or a tool needs —
// "which earlier steps must have run before this one" — from the objects
// the steps touch and the references the two models record:
//
//   - a step depends on the latest earlier step on the same object, where
//     a table's members (columns, constraints, indexes, triggers, policies)
//     count as the table: their statements all lock and change it;
//   - a step that creates or changes an object depends on the latest
//     earlier step on each object the desired model says it references
//     (its schema, a foreign key's table, a column's or a domain's type, a
//     view's or a routine's relations, routines and types, a trigger's
//     function, a partition's parent, a sequence's owning table);
//   - every step on an object depends on the earlier drops of objects the
//     current model says referenced it (a view dropped before the column
//     it reads changes type), and a drop also on every earlier change to
//     such an object (a column moved off a type before the type is
//     dropped).
//
// The result is a conservative reading of the plan's order: each listed
// step really runs before this one, and nothing this step needs is
// missing.

// depNode is the identity dependencies are tracked by. Relations are one
// node whatever their kind (a view reading a table, a column of it, an
// index on it), routines one node per name (overloads together: a view's
// references carry no signature).
type depNode struct {
	class, schema, name string
}

const (
	nodeRelation = "relation"
	nodeRoutine  = "routine"
)

// nodeOf maps an object key to its node.
func nodeOf(k state.ObjectKey) depNode {
	if k.Table != "" {
		return depNode{nodeRelation, k.Schema, k.Table}
	}
	switch k.Kind {
	case state.KindTable, state.KindView, state.KindMaterializedView, state.KindData:
		return depNode{nodeRelation, k.Schema, k.Name}
	case state.KindFunction, state.KindProcedure, state.KindAggregate:
		return depNode{nodeRoutine, k.Schema, k.Name}
	}
	return depNode{string(k.Kind), k.Schema, k.Name}
}

// accessMethodNode is the node of access method name.
func accessMethodNode(name string) depNode {
	return nodeOf(state.ObjectKey{Kind: state.KindAccessMethod, Name: name})
}

// dependencies sets DependsOn of every step, once the steps are ordered
// and numbered. "Earlier" means earlier in the order apply runs the steps
// (runOrder), so a step never depends on one that runs after it.
func (d *differ) dependencies() {
	to, from := newRefIndex(d.to), newRefIndex(d.from)
	last := map[depNode]int{}           // node -> index of its latest step so far
	referencedBy := map[depNode][]int{} // node -> earlier steps whose object used it (current model)
	droppedUsers := map[depNode][]int{} // the subset of referencedBy that are drops
	for _, j := range runOrder(d.steps) {
		s := &d.steps[j]
		n := nodeOf(s.Object)
		deps := map[int]bool{}
		if i, ok := last[n]; ok {
			deps[i] = true
		}
		if s.Action != ActionDrop {
			for _, r := range to.refs(s.Object) {
				if i, ok := last[r]; ok && r != n {
					deps[i] = true
				}
			}
			for _, i := range droppedUsers[n] {
				deps[i] = true
			}
		} else {
			for _, i := range referencedBy[n] {
				deps[i] = true
			}
		}
		s.DependsOn = nil
		for i := range deps {
			s.DependsOn = append(s.DependsOn, d.steps[i].ID)
		}
		sort.Ints(s.DependsOn)

		last[n] = j
		for _, r := range from.refs(s.Object) {
			if r == n {
				continue
			}
			referencedBy[r] = append(referencedBy[r], j)
			if s.Action == ActionDrop {
				droppedUsers[r] = append(droppedUsers[r], j)
			}
		}
	}
}

// runOrder returns the indexes of steps in the order apply runs them: the
// transactional steps in one transaction, then the others one by one
// (state/catalog.Execute), each group in plan order.
func runOrder(steps []Step) []int {
	var tx, notx []int
	for i, s := range steps {
		if s.Transactional {
			tx = append(tx, i)
		} else {
			notx = append(notx, i)
		}
	}
	return append(tx, notx...)
}

// refIndex answers "what does this object reference" for one model.
type refIndex struct {
	tables    map[depNode]*state.Table
	views     map[depNode]*state.View
	routines  map[depNode][]state.Function
	types     map[depNode]state.Type
	sequences map[depNode]state.Sequence
	events    map[string]state.EventTrigger
	// pubs are the publications by name; tableNames maps a table's
	// quoted qualified name, as a publication's table list spells it, to
	// its node (depends_publication.go).
	pubs       map[string]state.Publication
	tableNames map[string]depNode
	// objects are the definition objects (defobject.go).
	objects map[state.ObjectKey]state.DefObject
	// typeNames maps a user type's quoted qualified name, as column types
	// spell it, to the type's node.
	typeNames map[string]depNode
	// catalog are the catalog's dependencies (catalogdeps.go) by the key
	// of the object that uses them: set on the current model only, they
	// order the drops of what uses an object before the object's.
	catalog map[state.ObjectKey][]depNode
}

func newRefIndex(m state.DatabaseSchema) *refIndex {
	x := &refIndex{
		tables: map[depNode]*state.Table{}, views: map[depNode]*state.View{}, routines: map[depNode][]state.Function{},
		types: map[depNode]state.Type{}, sequences: map[depNode]state.Sequence{}, events: map[string]state.EventTrigger{},
		typeNames: map[string]depNode{},
	}
	for i := range m.Tables {
		x.tables[nodeOf(m.Tables[i].Key())] = &m.Tables[i]
	}
	for i := range m.Views {
		x.views[nodeOf(m.Views[i].Key())] = &m.Views[i]
	}
	for _, f := range m.Functions {
		n := nodeOf(f.Key())
		x.routines[n] = append(x.routines[n], f)
	}
	for _, t := range m.Types {
		n := nodeOf(t.Key())
		x.types[n] = t
		x.typeNames[sqlgen.QualifiedName(t.Schema, t.Name)] = n
	}
	// A table's row type is named as the table: a domain, composite
	// attribute or column of that type uses the table.
	for i := range m.Tables {
		t := &m.Tables[i]
		if name := sqlgen.QualifiedName(t.Schema, t.Name); x.typeNames[name] == (depNode{}) {
			x.typeNames[name] = nodeOf(t.Key())
		}
	}
	for _, s := range m.Sequences {
		x.sequences[depNode{string(state.KindSequence), s.Schema, s.Name}] = s
	}
	for _, e := range m.EventTriggers {
		x.events[e.Name] = e
	}
	x.objects = defObjectIndex(m)
	if len(m.CatalogDepends) > 0 {
		x.catalog = map[state.ObjectKey][]depNode{}
		for _, c := range m.CatalogDepends {
			k := c.Dependent
			if k.Kind == "domain_constraint" {
				// Its steps are the domain's.
				k = state.ObjectKey{Kind: state.KindType, Schema: k.Schema, Name: k.Table}
			}
			x.catalog[k] = append(x.catalog[k], catalogRefNode(c))
		}
	}
	x.indexPublications(m)
	return x
}

// typeRef returns the node of the user type a column, attribute or domain
// type text names ("public.status", "public.status[]",
// "public.money_amount(10)"), if it names one.
func (x *refIndex) typeRef(text string) (depNode, bool) {
	text = strings.TrimSpace(text)
	for strings.HasSuffix(text, "[]") {
		text = strings.TrimSuffix(text, "[]")
	}
	if i := strings.IndexByte(text, '('); i > 0 && !strings.HasPrefix(text, `"`) {
		text = text[:i]
	}
	n, ok := x.typeNames[text]
	return n, ok
}

// refs lists the nodes the object k references in the model, without k's
// own node. Unknown objects reference only their schema.
func (x *refIndex) refs(k state.ObjectKey) []depNode {
	var out []depNode
	add := func(n depNode) { out = append(out, n) }
	addKey := func(r state.ObjectKey) {
		add(nodeOf(r))
		// A function's signature names a table's row type as a type of
		// the table's name.
		if r.Kind == state.KindType {
			add(depNode{nodeRelation, r.Schema, r.Name})
		}
	}
	addType := func(text string) {
		if n, ok := x.typeRef(text); ok {
			add(n)
		}
	}
	if k.Schema != "" {
		add(depNode{string(state.KindSchema), "", k.Schema})
	}
	rel := nodeOf(k)
	if k.Table != "" {
		add(rel)
		var triggers []state.Trigger
		if t := x.tables[rel]; t != nil {
			triggers = t.Triggers
			switch k.Kind {
			case state.KindConstraint:
				for _, c := range t.Constraints {
					if c.Name == k.Name && c.References != nil {
						add(depNode{nodeRelation, c.References.Schema, c.References.Name})
					}
				}
			case state.KindColumn:
				if c, ok := t.Column(k.Name); ok {
					addType(c.Type)
				}
			}
		} else if v := x.views[rel]; v != nil {
			triggers = v.Triggers
		}
		if k.Kind == state.KindTrigger {
			for _, tr := range triggers {
				if tr.Name == k.Name {
					add(depNode{nodeRoutine, tr.Function.Schema, tr.Function.Name})
				}
			}
		}
		if o, ok := x.objects[k]; ok {
			// A rule's relations, routines, types and operators.
			for _, r := range o.Refs {
				addKey(r)
			}
		}
		return out
	}
	switch k.Kind {
	case state.KindTable, state.KindData:
		t := x.tables[rel]
		if t == nil {
			break
		}
		for _, c := range t.Columns {
			addType(c.Type)
		}
		for _, c := range t.Constraints {
			if c.References != nil {
				add(depNode{nodeRelation, c.References.Schema, c.References.Name})
			}
		}
		if t.PartitionOf != nil {
			add(depNode{nodeRelation, t.PartitionOf.Schema, t.PartitionOf.Name})
		}
		for _, p := range t.Inherits {
			add(depNode{nodeRelation, p.Schema, p.Name})
		}
		if t.OfType != nil {
			addType(sqlgen.Qual(*t.OfType))
		}
		if t.AccessMethod != "" {
			add(accessMethodNode(t.AccessMethod))
		}
	case state.KindView, state.KindMaterializedView:
		if v := x.views[rel]; v != nil {
			for _, r := range v.DependsOn {
				addKey(r)
			}
		}
	case state.KindFunction, state.KindProcedure:
		for _, f := range x.routines[rel] {
			if f.Key().Signature != k.Signature {
				continue
			}
			for _, r := range f.DependsOn {
				addKey(r)
			}
			for _, n := range routineLanguageRefs(f) {
				add(n)
			}
		}
	case state.KindType:
		for _, r := range x.types[nodeOf(k)].TypeRefs() {
			addType(r)
		}
	case state.KindSequence:
		if s, ok := x.sequences[nodeOf(k)]; ok && s.OwnedBy != nil {
			add(depNode{nodeRelation, s.Schema, s.OwnedBy.Table})
		}
	case state.KindEventTrigger:
		if e, ok := x.events[k.Name]; ok {
			add(depNode{nodeRoutine, e.Function.Schema, e.Function.Name})
		}
	case state.KindPublication:
		out = append(out, x.publicationRefs(k.Name)...)
	default:
		if o, ok := x.objects[k]; ok {
			for _, r := range o.Refs {
				addKey(r)
			}
		}
	}
	return out
}
