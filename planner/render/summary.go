package render

import (
	"fmt"

	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
)

// Counts summarise a plan per object: how many objects it creates, alters
// (renames and replacements included) and drops, and how many hazards its
// steps carry. Every renderer's summary line or table comes from Counts.
//
// An object is what Plan.Changes lists (a table with its columns,
// constraints and indexes is one object). A step on an object no change
// lists (a grant, say) counts once per object with the step's action; a
// step on a member of a listed table counts with its table.
type Counts struct {
	Create  int `json:"create"`
	Alter   int `json:"alter"`
	Drop    int `json:"drop"`
	Hazards int `json:"hazards"`
}

// Count computes the Counts of p.
func Count(p *planner.Plan) Counts {
	var c Counts
	add := func(a planner.Action) {
		switch a {
		case planner.ActionCreate:
			c.Create++
		case planner.ActionDrop:
			c.Drop++
		default:
			c.Alter++
		}
	}
	listed := map[state.ObjectKey]bool{}
	for _, ch := range p.Changes {
		listed[ch.Object] = true
		add(ch.Action)
	}
	// Steps on objects no change lists: one count per object, with the
	// action of its first step, in plan order.
	seen := map[state.ObjectKey]bool{}
	for _, s := range p.Steps {
		k := s.Object
		if k == (state.ObjectKey{}) {
			// A step read from a plan file names no object: count it
			// on its own.
			add(s.Action)
			continue
		}
		if k.Table != "" {
			rel := state.ObjectKey{Schema: k.Schema, Name: k.Table}
			if listedRelation(listed, rel) {
				continue
			}
		}
		if listed[k] || seen[k] {
			continue
		}
		seen[k] = true
		add(s.Action)
	}
	c.Hazards = len(p.Hazards())
	return c
}

// listedRelation reports whether a table, view or materialized view named
// rel (Kind unset) is among the listed changes.
func listedRelation(listed map[state.ObjectKey]bool, rel state.ObjectKey) bool {
	for _, k := range []state.Kind{state.KindTable, state.KindView, state.KindMaterializedView} {
		rel.Kind = k
		if listed[rel] {
			return true
		}
	}
	return false
}

// String is the one-line summary: "Plan: 3 to create, 2 to alter, 1 to
// drop; 1 hazard."
func (c Counts) String() string {
	s := fmt.Sprintf("Plan: %d to create, %d to alter, %d to drop", c.Create, c.Alter, c.Drop)
	switch c.Hazards {
	case 0:
	case 1:
		s += "; 1 hazard"
	default:
		s += fmt.Sprintf("; %d hazards", c.Hazards)
	}
	return s + "."
}

// stepTitle names a step for people: its action and object ("alter column
// public.users.email"), or only its action for a step read back from a
// plan file, which names no object.
func stepTitle(s planner.Step) string {
	if s.Object == (state.ObjectKey{}) {
		return string(s.Action)
	}
	return string(s.Action) + " " + oneLine(s.Object.String())
}
