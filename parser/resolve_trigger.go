package parser

import (
	"github.com/renovate-pg/renovate/state"
)

// addRoutines completes the result model with the resolved functions and
// procedures, then attaches triggers to their tables or views (once both
// are in s) and adds event triggers. ALTER TABLE ... ENABLE/DISABLE
// TRIGGER and comments apply after every trigger is known, wherever they
// are written.
func (r *resolver) addRoutines(s *state.DatabaseSchema) {
	s.Functions = append(s.Functions, r.routineResults()...)
	rs := r.routineState()
	tables := map[state.QualName]int{}
	for i, t := range s.Tables {
		tables[t.QualName()] = i
	}
	views := map[state.QualName]int{}
	for i, v := range s.Views {
		views[v.QualName()] = i
	}
	// triggersOf returns the trigger list of a relation, or nil.
	triggersOf := func(q state.QualName) *[]state.Trigger {
		if i, ok := tables[q]; ok {
			return &s.Tables[i].Triggers
		}
		if i, ok := views[q]; ok {
			return &s.Views[i].Triggers
		}
		return nil
	}
	findTrigger := func(q state.QualName, name string) *state.Trigger {
		ts := triggersOf(q)
		if ts == nil {
			return nil
		}
		for i := range *ts {
			if (*ts)[i].Name == name {
				return &(*ts)[i]
			}
		}
		return nil
	}
	events := map[string]int{}
	for _, it := range rs.items {
		switch d := it.(type) {
		case *triggerDef:
			ts := triggersOf(d.table)
			if ts == nil {
				r.errs.semantic(d.loc, "trigger %s: table or view %s is defined nowhere", d.trig.Name, d.table)
				continue
			}
			if !r.define(state.TriggerKey(d.table, d.trig.Name), d.loc) {
				continue
			}
			*ts = append(*ts, d.trig)
		case *eventTriggerDef:
			if !r.define(d.et.Key(), d.loc) {
				continue
			}
			events[d.et.Name] = len(s.EventTriggers)
			s.EventTriggers = append(s.EventTriggers, d.et)
		}
	}
	commented := map[state.ObjectKey]Location{}
	for _, it := range rs.items {
		switch d := it.(type) {
		case *triggerEnableDef:
			t := findTrigger(d.table, d.name)
			if t == nil {
				r.errs.semantic(d.loc, "ALTER TABLE ... TRIGGER: trigger %s on %s is defined nowhere", d.name, d.table)
				continue
			}
			t.Enabled = d.enabled
		case *eventTriggerEnableDef:
			i, ok := events[d.name]
			if !ok {
				r.errs.semantic(d.loc, "ALTER EVENT TRIGGER: event trigger %s is defined nowhere", d.name)
				continue
			}
			s.EventTriggers[i].Enabled = d.enabled
		case *triggerCommentDef:
			var target *string
			key := state.TriggerKey(d.table, d.name)
			if d.table.Name == "" {
				key = state.ObjectKey{Kind: state.KindEventTrigger, Name: d.name}
				if i, ok := events[d.name]; ok {
					target = &s.EventTriggers[i].Comment
				}
			} else if t := findTrigger(d.table, d.name); t != nil {
				target = &t.Comment
			}
			if target == nil {
				r.errs.semantic(d.loc, "COMMENT ON: %s is defined nowhere", key)
				continue
			}
			if first, dup := commented[key]; dup {
				r.errs.semantic(d.loc, "second comment on %s (first at %s)", key, first)
				continue
			}
			commented[key] = d.loc
			*target = d.comment
		}
	}
}
