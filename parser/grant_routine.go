package parser

import (
	"github.com/renovate-pg/renovate/state"
)

// routineKind is the routine kind a GRANT target names: "" for ROUTINE,
// which covers both.
func routineKind(t grantTarget) state.Kind {
	switch t {
	case targetFunction:
		return state.KindFunction
	case targetProcedure:
		return state.KindProcedure
	}
	return ""
}

// routineTarget is the privilege target of one function or procedure.
func routineTarget(f *state.Function) privTarget {
	return privTarget{kind: f.Key().Kind, what: f.Key().String(), privs: &f.Privileges, ownerRevoked: &f.OwnerRevoked}
}

// routineTargets finds the functions and procedures a GRANT or REVOKE
// names (see findRoutines for how overloads are matched).
func (r *resolver) routineTargets(d *grantDef, verb string) ([]privTarget, bool) {
	var out []privTarget
	for _, ref := range d.routines {
		fs, err := r.findRoutines(ref)
		if err != nil && r.undefinedRoutine(ref) && r.memberGrant(d, ref, verb) {
			continue // a routine of an extension (grant_member.go)
		}
		if err != nil {
			// GRANT ... ON FUNCTION names aggregates too.
			if aggs := r.findAggregates(ref); len(aggs) > 0 && ref.kind != state.KindProcedure {
				out = append(out, aggs...)
				continue
			}
			r.errs.semantic(d.loc, "%s: %v", verb, err)
			return nil, false
		}
		for _, f := range fs {
			out = append(out, routineTarget(f))
		}
	}
	return out, true
}

// routinesInSchemas finds the routines of ON ALL FUNCTIONS / PROCEDURES /
// ROUTINES IN SCHEMA.
func (r *resolver) routinesInSchemas(d *grantDef, in map[string]bool, verb string) ([]privTarget, bool) {
	var out []privTarget
	for _, f := range r.routinesIn(in, routineKind(d.target)) {
		out = append(out, routineTarget(f))
	}
	return out, true
}
