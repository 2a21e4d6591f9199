package planner

import (
	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// dependentClosure runs once every kind has been planned. It finds the
// objects that stay but use, in the current model, something the plan
// drops (or drops to create again) or whose columns it reshapes, and
// that the per-kind planners left standing: PostgreSQL would refuse the
// drop ("cannot drop X because other objects depend on it") or the type
// change. Each is dropped before and created again after, from the
// desired model; the step graph (stepgraph.go) puts the drop before what
// it used goes and the create after it is back, reading the same
// references (graphRefs) the closure reads here.
//
// It covers the dependents no per-kind planner sees: policies reading
// another relation or calling a routine, domain CHECKs and defaults
// calling a routine, foreign keys of a kept table referring to a table
// that is recreated, and triggers whose WHEN calls a routine.
func (d *differ) dependentClosure() {
	gone := map[depNode]bool{}
	for _, s := range d.steps {
		if s.Action != ActionDrop || s.Object.Table != "" {
			continue
		}
		switch s.Object.Kind {
		case state.KindTable, state.KindView, state.KindMaterializedView, state.KindFunction,
			state.KindProcedure, state.KindType, state.KindSequence:
			gone[nodeOf(s.Object)] = true
		}
	}
	reshaped := map[depNode]bool{}
	for _, old := range d.from.Tables {
		if nw, kept := d.desiredTable(old.QualName()); kept && d.columnsReshaped(old, nw) {
			reshaped[nodeOf(old.Key())] = true
		}
	}
	// What the catalog says uses something dropped (catalogdeps.go).
	cat := d.catalogHits()
	if len(cat) > 0 {
		d.dropExpressionDependents(func(part state.ObjectKey, _ string) bool { return cat[part] })
	}
	if len(gone) == 0 && len(reshaped) == 0 && len(cat) == 0 {
		return
	}
	refs := newGraphRefs(d.from)
	hit := func(exprs ...string) bool {
		for _, e := range exprs {
			for _, n := range refs.calls(e) {
				if gone[n] {
					return true
				}
			}
			for _, k := range parser.ExpressionReferences(e) {
				n := nodeOf(k)
				if k.Kind == state.KindType {
					n = depNode{string(state.KindType), k.Schema, k.Name}
				}
				if gone[n] || reshaped[n] {
					return true
				}
			}
		}
		return false
	}
	for _, old := range d.from.Tables {
		nw, kept := d.desiredTable(old.QualName())
		if !kept || gone[nodeOf(old.Key())] || d.recreated(tableKey(nw.QualName())) {
			continue
		}
		q := nw.QualName()
		for _, p := range old.Policies {
			key := state.PolicyKey(q, p.Name)
			np, ok := findPolicy(nw, p.Name)
			if !ok || d.hasStep(key, ActionDrop) || !(hit(p.Using, p.WithCheck) || cat[state.PolicyKey(old.QualName(), p.Name)]) {
				continue
			}
			d.removeSteps(key)
			d.add(phaseDropPolicy, key, ActionDrop, sqlgen.DropPolicy(q, p.Name))
			d.createPolicy(q, np)
		}
		for _, c := range old.Constraints {
			if c.Kind != state.ConstraintForeignKey || c.References == nil {
				continue
			}
			ref := depNode{nodeRelation, c.References.Schema, c.References.Name}
			key := memberKey(state.KindConstraint, q, c.Name)
			if !gone[ref] || d.hasStep(key, ActionDrop) {
				continue
			}
			d.add(phaseDropForeignKey, key, ActionDrop, sqlgen.DropConstraint(q, c.Name))
			if nc, ok := findConstraint(nw, c.Name); ok && !d.hasStep(key, ActionCreate) {
				d.addConstraint(nw, nc)
			}
		}
		for _, tr := range old.Triggers {
			key := memberKey(state.KindTrigger, q, tr.Name)
			if d.hasStep(key, ActionDrop) || !(hit(tr.Definition) || cat[memberKey(state.KindTrigger, old.QualName(), tr.Name)]) {
				continue
			}
			var nt *state.Trigger
			for i := range nw.Triggers {
				if nw.Triggers[i].Name == tr.Name {
					nt = &nw.Triggers[i]
				}
			}
			if nt == nil {
				continue
			}
			d.removeSteps(key)
			d.add(phaseDropTrigger, key, ActionDrop, sqlgen.DropTrigger(q, tr.Name))
			d.createTrigger(q, *nt)
		}
	}
	d.domainClosure(gone, refs, cat)
}

// domainClosure drops and adds again the CHECKs and defaults of kept
// domains that call a routine the plan drops.
//
// cat are the catalog's dependents of dropped objects (catalogHits),
// where a domain's CHECK is keyed "domain_constraint" (state.CatalogDepend).
func (d *differ) domainClosure(gone map[depNode]bool, refs *graphRefs, cat map[state.ObjectKey]bool) {
	calls := func(e string) bool {
		for _, n := range refs.calls(e) {
			if gone[n] {
				return true
			}
		}
		return false
	}
	desired := map[state.QualName]state.Type{}
	for _, t := range d.to.Types {
		desired[t.QualName()] = t
	}
	for _, t := range d.from.Types {
		nt, ok := desired[t.QualName()]
		if t.Kind != state.TypeDomain || !ok || nt.Kind != state.TypeDomain || gone[nodeOf(t.Key())] {
			continue
		}
		q, key := t.QualName(), t.Key()
		for _, c := range t.Checks {
			if !calls(c.Definition) && !cat[state.ObjectKey{Kind: "domain_constraint", Schema: t.Schema, Table: t.Name, Name: c.Name}] {
				continue
			}
			drop := sqlgen.DropDomainConstraint(q, c.Name)
			if d.hasStepSQL(key, drop) {
				continue
			}
			d.add(phaseDropConstraint, key, ActionAlter, drop)
			for _, nc := range nt.Checks {
				if nc.Name == c.Name {
					if add := sqlgen.AddDomainConstraint(q, nc); !d.hasStepSQL(key, add) {
						d.add(phaseAddConstraint, key, ActionAlter, add)
					}
				}
			}
		}
		if t.Default != "" && calls(t.Default) {
			if drop := sqlgen.AlterDomainDefault(q, ""); !d.hasStepSQL(key, drop) {
				d.add(phaseDropConstraint, key, ActionAlter, drop)
			}
			if nt.Default != "" {
				if set := sqlgen.AlterDomainDefault(q, nt.Default); !d.hasStepSQL(key, set) {
					d.add(phaseAddConstraint, key, ActionAlter, set)
				}
			}
		}
	}
}

// removeSteps removes every step planned for key.
func (d *differ) removeSteps(key state.ObjectKey) {
	out := d.steps[:0]
	for _, s := range d.steps {
		if s.Object != key {
			out = append(out, s)
		}
	}
	d.setSteps(out)
}
