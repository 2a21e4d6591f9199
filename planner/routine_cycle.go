package planner

import (
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// Routines in a cycle.
//
// PostgreSQL checks an SQL-standard body (BEGIN ATOMIC ... END, RETURN
// expr) when the routine is created: everything it reads must exist. When
// what it reads uses the routine in turn (a view calling the routine whose
// body reads the view; two routines calling each other), no order of
// whole objects runs. The standard move breaks the cycle: create the
// routine first with a placeholder body (a quoted body, which the plan's
// check_function_bodies = off leaves unchecked) and its real signature,
// so that what uses it can be created, then CREATE OR REPLACE it with its
// real body once what the body reads exists. Routines outside any cycle
// are created in one step, as before.

// placeholderBody is the quoted body of a routine's first step.
const placeholderBody = "SELECT NULL -- placeholder: renovate sets the real body later in this plan"

// placeholder returns f with the placeholder body.
func placeholder(f state.Function) state.Function {
	f.SQLBody, f.ObjectFile, f.Body = false, "", placeholderBody
	return f
}

// detachRoutineBody plans, for a remote routine the plan drops, the
// replacement of its SQL-standard body by the placeholder when the
// routine is in a cycle of the current model: neither the routine nor
// what its body reads could be dropped first otherwise.
func (d *differ) detachRoutineBody(f state.Function) {
	if !routineInCycle(d.currentRefs().x, f) {
		return
	}
	d.add(phaseRoutineDetach, f.Key(), ActionAlter, sqlgen.CreateFunction(placeholder(f)))
}

// currentRefs is the reference index of the current model.
func (d *differ) currentRefs() *graphRefs {
	if d.fromRefs == nil {
		d.fromRefs = newGraphRefs(d.from)
	}
	return d.fromRefs
}

// createRoutine plans the creation (or replacement: a is the action) of
// desired routine f: one step, or a placeholder and its real body when f
// is in a cycle.
func (d *differ) createRoutine(f state.Function, a Action) {
	key := f.Key()
	if !routineInCycle(d.desiredRefs().x, f) {
		d.add(d.createRoutinePhase(f), key, a, sqlgen.CreateFunction(f))
		return
	}
	d.add(phaseRoutinePlaceholder, key, a, sqlgen.CreateFunction(placeholder(f)))
	d.add(phaseFunctionAfterViews, key, ActionAlter, sqlgen.CreateFunction(f))
}

// routineInCycle reports whether f has an SQL-standard body that reads,
// through views and other SQL-standard bodies of x's model,
// something that calls f again. Tables are not followed: a default or
// CHECK calling a routine whose body reads its table is broken the other
// way, by adding the expression after the table (cycle.go).
func routineInCycle(x *refIndex, f state.Function) bool {
	if !f.SQLBody || f.Language != "sql" {
		return false
	}
	self := nodeOf(f.Key())
	seen := map[depNode]bool{}
	var reaches func(keys []state.ObjectKey) bool
	reaches = func(keys []state.ObjectKey) bool {
		for _, k := range keys {
			n := nodeOf(k)
			if k.Kind == state.KindFunction || k.Kind == state.KindProcedure {
				n = depNode{nodeRoutine, k.Schema, k.Name}
			}
			if n == self {
				return true
			}
			if seen[n] {
				continue
			}
			seen[n] = true
			if v := x.views[n]; v != nil && reaches(v.DependsOn) {
				return true
			}
			for _, g := range x.routines[n] {
				if g.SQLBody && reaches(g.DependsOn) {
					return true
				}
			}
		}
		return false
	}
	return reaches(f.DependsOn)
}

// placeholderRefs are what a routine's placeholder needs: its schema and
// the types of its signature, not what its body reads.
func (x *refIndex) placeholderRefs(k state.ObjectKey) []depNode {
	out := []depNode{{string(state.KindSchema), "", k.Schema}}
	for _, f := range x.routines[nodeOf(k)] {
		if f.Key().Signature != k.Signature {
			continue
		}
		for _, a := range f.Args {
			if n, ok := x.typeRef(a.Type); ok {
				out = append(out, n)
			}
		}
		if n, ok := x.typeRef(strings.TrimPrefix(f.Result, "SETOF ")); ok {
			out = append(out, n)
		}
	}
	return out
}
