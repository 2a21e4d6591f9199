package planner

import (
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// This file plans rules (state.DefObject of KindRule).
//
// What changes in place: a rule's comment (COMMENT ON RULE) and whether
// it is enabled (ALTER TABLE ... ENABLE / DISABLE [REPLICA | ALWAYS]
// RULE). Anything else in a rule is replaced: DROP RULE, then CREATE
// RULE (CREATE OR REPLACE RULE would keep the old rule's comment and
// enabled state, which the plan sets anyway, but a drop lets the step
// graph order the rule around what it reads like any other object).
//
// A rule is also dropped and created again when something it uses is
// dropped or reshaped by the plan: PostgreSQL refuses to drop a table,
// view, function or operator a rule's actions use, and to change the
// type of a column a rule reads ("cannot alter type of a column used by
// a view or rule"). When the relation the rule is on is itself dropped
// (or recreated), the rule goes with it and is only created again.
//
// Rules run after views (diff.go): they read the view steps to know
// which relations are recreated.

// rules plans every rule.
func (d *differ) rules() {
	from := map[state.ObjectKey]state.DefObject{}
	for _, o := range d.from.Objects {
		if o.Kind == state.KindRule {
			from[o.Key()] = o
		}
	}
	gone, dropped := d.goneForRules()
	desired := map[state.ObjectKey]bool{}
	for _, o := range d.to.Objects {
		if o.Kind != state.KindRule {
			continue
		}
		k := o.Key()
		desired[k] = true
		old, ok := from[k]
		rel := depNode{nodeRelation, o.Schema, o.Table}
		switch {
		case !ok:
			d.change(k, ActionCreate, "", sqlgen.DefObjectDefinition(o))
			d.createRule(o)
		case dropped[rel]:
			// Dropped with its relation: created again after it.
			if old.Definition != o.Definition || old.Comment != o.Comment || !sameSettings(old.Settings, o.Settings) {
				d.change(k, ActionAlter, sqlgen.DefObjectDefinition(old), sqlgen.DefObjectDefinition(o))
			}
			d.createRule(o)
		case old.Definition != o.Definition || ruleUsesGone(old, gone):
			d.change(k, ActionAlter, sqlgen.DefObjectDefinition(old), sqlgen.DefObjectDefinition(o))
			d.add(phaseDropTrigger, k, ActionDrop, sqlgen.DropDefObject(old))
			d.createRule(o)
		default:
			d.alterRule(old, o)
		}
	}
	for _, o := range d.from.Objects {
		if o.Kind != state.KindRule || desired[o.Key()] {
			continue
		}
		d.change(o.Key(), ActionDrop, sqlgen.DefObjectDefinition(o), "")
		if !dropped[depNode{nodeRelation, o.Schema, o.Table}] {
			d.add(phaseDropTrigger, o.Key(), ActionDrop, sqlgen.DropDefObject(o))
		}
	}
}

// goneForRules returns the nodes the plan drops (relations, routines,
// types, operators) or whose columns it reshapes, gone: a rule using one
// is recreated; and the nodes it drops, dropped: a rule on one goes with
// it.
func (d *differ) goneForRules() (gone, dropped map[depNode]bool) {
	gone, dropped = map[depNode]bool{}, map[depNode]bool{}
	for _, s := range d.steps {
		if s.Action != ActionDrop || s.Object.Table != "" {
			continue
		}
		switch s.Object.Kind {
		case state.KindTable, state.KindView, state.KindMaterializedView, state.KindFunction, state.KindProcedure,
			state.KindAggregate, state.KindType, state.KindOperator, state.KindSequence:
			gone[nodeOf(s.Object)] = true
			dropped[nodeOf(s.Object)] = true
		}
	}
	for _, old := range d.from.Tables {
		if nw, kept := d.desiredTable(old.QualName()); kept && d.columnsReshaped(old, nw) {
			gone[nodeOf(old.Key())] = true
		}
	}
	return gone, dropped
}

// ruleUsesGone reports whether a rule uses something in gone.
func ruleUsesGone(o state.DefObject, gone map[depNode]bool) bool {
	for _, r := range o.Refs {
		n := nodeOf(r)
		if r.Kind == state.KindType {
			// A type named in a rule may be a table's row type.
			if gone[depNode{nodeRelation, r.Schema, r.Name}] {
				return true
			}
		}
		if gone[n] {
			return true
		}
	}
	return false
}

// createRule adds the steps creating o: CREATE RULE, its enabled state,
// its comment.
func (d *differ) createRule(o state.DefObject) {
	d.add(phaseCreateTrigger, o.Key(), ActionCreate, sqlgen.CreateDefObject(o))
	if o.Comment != "" {
		d.add(phaseComment, o.Key(), ActionAlter, sqlgen.DefObjectComment(o, o.Comment))
	}
}

// alterRule changes a rule's enabled state and comment in place.
func (d *differ) alterRule(old, o state.DefObject) {
	oe, ne := settingMap(old.Settings)["enabled"], settingMap(o.Settings)["enabled"]
	if oe == ne && old.Comment == o.Comment {
		return
	}
	d.change(o.Key(), ActionAlter, sqlgen.DefObjectDefinition(old), sqlgen.DefObjectDefinition(o))
	if oe != ne {
		d.add(phaseCreateTrigger, o.Key(), ActionAlter, sqlgen.RuleEnabled(o, ne))
	}
	if old.Comment != o.Comment {
		d.add(phaseComment, o.Key(), ActionAlter, sqlgen.DefObjectComment(o, o.Comment))
	}
}

// sameSettings reports whether two settings lists are equal.
func sameSettings(a, b []state.DefSetting) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
