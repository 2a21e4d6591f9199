package planner

import (
	"reflect"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// This file plans triggers and event triggers. A trigger has no ALTER for
// its definition, so a changed trigger is dropped and created again (the
// same when its function is dropped and created again, or its table or
// view is); ENABLE/DISABLE, comments and renames are ALTERed. Triggers are
// dropped first and created after every table, view and function exists.

// triggerRel is a relation with triggers on both sides: old is the
// remote's (nil when the relation is new), nw the desired one.
type triggerRel struct {
	key      state.ObjectKey // the desired relation's key
	q        state.QualName
	oldQ     state.QualName
	old, nw  []state.Trigger
	hasOld   bool
	recreate bool // the relation is dropped and created again
}

// triggers plans every trigger and event trigger change. It runs after
// tables, functions and views: it reads their steps to find the triggers
// whose relation or function is dropped and created again.
func (d *differ) triggers() {
	goneFuncs := d.droppedRoutines()
	for _, r := range d.triggerRelations() {
		d.relationTriggers(r, goneFuncs)
	}
	d.eventTriggers(goneFuncs)
}

// triggerRelations pairs the desired tables and views with their remote
// counterparts, and lists remote relations that are kept under another
// kind (their triggers are dropped with them).
func (d *differ) triggerRelations() []triggerRel {
	dropped := map[state.ObjectKey]bool{}
	for _, s := range d.steps {
		if s.Action == ActionDrop && s.Object.Table == "" {
			dropped[s.Object] = true
		}
	}
	var out []triggerRel
	for _, t := range d.to.Tables {
		r := triggerRel{key: tableKey(t.QualName()), q: t.QualName(), oldQ: t.QualName(), nw: t.Triggers}
		old, ok := d.from.Table(t.QualName())
		if !ok && t.RenamedFrom != "" {
			prev := state.QualName{Schema: t.Schema, Name: t.RenamedFrom}
			old, ok = d.from.Table(prev)
			r.oldQ = prev
		}
		if ok {
			r.old, r.hasOld = old.Triggers, true
			r.recreate = dropped[tableKey(old.QualName())]
		}
		out = append(out, r)
	}
	for _, v := range d.to.Views {
		r := triggerRel{key: v.Key(), q: v.QualName(), oldQ: v.QualName(), nw: v.Triggers}
		old, ok := d.from.View(v.QualName())
		if !ok && v.RenamedFrom != "" {
			prev := state.QualName{Schema: v.Schema, Name: v.RenamedFrom}
			old, ok = d.from.View(prev)
			r.oldQ = prev
		}
		if ok {
			r.old, r.hasOld = old.Triggers, true
			r.recreate = dropped[old.Key()] || old.Materialized != v.Materialized
		}
		out = append(out, r)
	}
	return out
}

// relationTriggers plans the triggers of one desired relation.
func (d *differ) relationTriggers(r triggerRel, goneFuncs map[state.QualName]bool) {
	oldByName := map[string]state.Trigger{}
	if r.hasOld && !r.recreate {
		for _, t := range r.old {
			oldByName[t.Name] = t
		}
	}
	seen := map[string]bool{}
	for _, t := range r.nw {
		key := state.TriggerKey(r.q, t.Name)
		ot, ok := oldByName[t.Name]
		if !ok && t.RenamedFrom != "" {
			if prev, found := oldByName[t.RenamedFrom]; found && !hasTrigger(r.nw, t.RenamedFrom) {
				ot, ok = prev, true
				d.add(phaseRename, key, ActionRename, sqlgen.RenameTrigger(r.q, prev.Name, t.Name))
				seen[prev.Name] = true
				ot.Name = t.Name
				ot.Definition = retargetTrigger(prev.Definition, prev.Name, t.Name, r.oldQ, r.q)
			}
		}
		if ok {
			seen[ot.Name] = true
			ot.Definition = retargetTrigger(ot.Definition, ot.Name, ot.Name, r.oldQ, r.q)
		}
		switch {
		case !ok:
			d.change(key, ActionCreate, "", sqlgen.TriggerDefinition(r.q, t))
			d.createTrigger(r.q, t)
		case ot.Definition != t.Definition || goneFuncs[ot.Function]:
			d.change(key, ActionAlter, sqlgen.TriggerDefinition(r.q, ot), sqlgen.TriggerDefinition(r.q, t))
			d.add(phaseDropTrigger, key, ActionDrop, sqlgen.DropTrigger(r.q, ot.Name))
			d.createTrigger(r.q, t)
		default:
			if enabled(ot.Enabled) == enabled(t.Enabled) && ot.Comment == t.Comment {
				continue
			}
			d.change(key, ActionAlter, sqlgen.TriggerDefinition(r.q, ot), sqlgen.TriggerDefinition(r.q, t))
			if enabled(ot.Enabled) != enabled(t.Enabled) {
				d.add(phaseCreateTrigger, key, ActionAlter, sqlgen.EnableTrigger(r.q, t.Name, t.Enabled))
			}
			if ot.Comment != t.Comment {
				d.add(phaseComment, key, ActionAlter, sqlgen.TriggerComment(r.q, t.Name, t.Comment))
			}
		}
	}
	if !r.hasOld || r.recreate {
		return
	}
	for _, t := range r.old {
		if seen[t.Name] {
			continue
		}
		key := state.TriggerKey(r.q, t.Name)
		d.change(key, ActionDrop, sqlgen.TriggerDefinition(r.oldQ, t), "")
		d.add(phaseDropTrigger, key, ActionDrop, sqlgen.DropTrigger(r.q, t.Name))
	}
}

// createTrigger creates a trigger with its state and comment.
func (d *differ) createTrigger(q state.QualName, t state.Trigger) {
	key := state.TriggerKey(q, t.Name)
	d.add(phaseCreateTrigger, key, ActionCreate, sqlgen.CreateTrigger(t))
	if enabled(t.Enabled) != "origin" {
		d.add(phaseCreateTrigger, key, ActionAlter, sqlgen.EnableTrigger(q, t.Name, t.Enabled))
	}
	if t.Comment != "" {
		d.add(phaseComment, key, ActionAlter, sqlgen.TriggerComment(q, t.Name, t.Comment))
	}
}

// enabled returns the effective enabled state ("" means the default).
func enabled(s string) string {
	if s == "" {
		return "origin"
	}
	return s
}

func hasTrigger(ts []state.Trigger, name string) bool {
	for _, t := range ts {
		if t.Name == name {
			return true
		}
	}
	return false
}

// retargetTrigger rewrites a remote trigger definition for a renamed
// trigger or relation, so only real differences remain.
func retargetTrigger(def, oldName, newName string, oldQ, newQ state.QualName) string {
	if oldName != newName {
		for _, head := range []string{"CREATE TRIGGER ", "CREATE CONSTRAINT TRIGGER "} {
			if rest, ok := strings.CutPrefix(def, head+sqlgen.QuoteIdent(oldName)+" "); ok {
				def = head + sqlgen.QuoteIdent(newName) + " " + rest
				break
			}
		}
	}
	if oldQ != newQ {
		def = strings.Replace(def, " ON "+sqlgen.Qual(oldQ)+" ", " ON "+sqlgen.Qual(newQ)+" ", 1)
	}
	return def
}

// eventTriggers plans event trigger changes.
func (d *differ) eventTriggers(goneFuncs map[state.QualName]bool) {
	from := map[string]state.EventTrigger{}
	for _, e := range d.from.EventTriggers {
		from[e.Name] = e
	}
	kept := map[string]bool{}
	for _, e := range d.to.EventTriggers {
		key := e.Key()
		old, ok := from[e.Name]
		if ok {
			kept[e.Name] = true
		}
		switch {
		case !ok:
			d.change(key, ActionCreate, "", sqlgen.EventTriggerDefinition(e))
			d.createEventTrigger(e)
		case old.Event != e.Event || !reflect.DeepEqual(old.Tags, e.Tags) || old.Function != e.Function || goneFuncs[old.Function]:
			d.change(key, ActionAlter, sqlgen.EventTriggerDefinition(old), sqlgen.EventTriggerDefinition(e))
			d.add(phaseDropTrigger, key, ActionDrop, sqlgen.DropEventTrigger(old.Name))
			d.createEventTrigger(e)
		case enabled(old.Enabled) != enabled(e.Enabled) || old.Comment != e.Comment:
			d.change(key, ActionAlter, sqlgen.EventTriggerDefinition(old), sqlgen.EventTriggerDefinition(e))
			if enabled(old.Enabled) != enabled(e.Enabled) {
				d.add(phaseCreateTrigger, key, ActionAlter, sqlgen.EnableEventTrigger(e.Name, e.Enabled))
			}
			if old.Comment != e.Comment {
				d.add(phaseComment, key, ActionAlter, sqlgen.EventTriggerComment(e.Name, e.Comment))
			}
		}
	}
	for _, e := range d.from.EventTriggers {
		if !kept[e.Name] {
			d.change(e.Key(), ActionDrop, sqlgen.EventTriggerDefinition(e), "")
			d.add(phaseDropTrigger, e.Key(), ActionDrop, sqlgen.DropEventTrigger(e.Name))
		}
	}
}

// createEventTrigger creates an event trigger with its state and comment.
func (d *differ) createEventTrigger(e state.EventTrigger) {
	d.add(phaseCreateTrigger, e.Key(), ActionCreate, sqlgen.CreateEventTrigger(e))
	if enabled(e.Enabled) != "origin" {
		d.add(phaseCreateTrigger, e.Key(), ActionAlter, sqlgen.EnableEventTrigger(e.Name, e.Enabled))
	}
	if e.Comment != "" {
		d.add(phaseComment, e.Key(), ActionAlter, sqlgen.EventTriggerComment(e.Name, e.Comment))
	}
}
