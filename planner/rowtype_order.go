package planner

import "github.com/renovate-pg/renovate/state"

// A table's row type is a type like any other: a domain can be made over
// it (CREATE DOMAIN d AS t), a composite type or another table's column
// can have it. Such a type can only be created after the table, and the
// tables using the type after the type. So types built (directly or
// through other types) on a table's row type are created in the table
// phase and dropped in the table-drop phase, and the step graph
// (stepgraph.go) orders them by what each object references.

// rowTypeUsers returns the types of m built on a table's row type,
// directly or through other such types.
func rowTypeUsers(m state.DatabaseSchema) map[state.QualName]bool {
	x := newRefIndex(m)
	out := map[state.QualName]bool{}
	for changed := true; changed; {
		changed = false
		for _, t := range m.Types {
			q := t.QualName()
			if out[q] {
				continue
			}
			for _, ref := range t.TypeRefs() {
				n, ok := x.typeRef(ref)
				if !ok {
					continue
				}
				if n.class == nodeRelation || out[state.QualName{Schema: n.schema, Name: n.name}] {
					out[q] = true
					changed = true
					break
				}
			}
		}
	}
	return out
}

// createTypePhase is the phase creating t takes.
func (d *differ) createTypePhase(t state.Type) phase {
	if d.typePlan.rowTypeUsersTo == nil {
		d.typePlan.rowTypeUsersTo = rowTypeUsers(d.to)
	}
	if d.typePlan.rowTypeUsersTo[t.QualName()] {
		return phaseCreateTable
	}
	return phaseType
}

// dropTypePhase is the phase dropping t takes.
func (d *differ) dropTypePhase(t state.Type) phase {
	if d.typePlan.rowTypeUsersFrom == nil {
		d.typePlan.rowTypeUsersFrom = rowTypeUsers(d.from)
	}
	if d.typePlan.rowTypeUsersFrom[t.QualName()] {
		return phaseDropTable
	}
	return phaseDropType
}

// intHeap is a min-heap of step positions.
type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	n := old[len(old)-1]
	*h = old[:len(old)-1]
	return n
}
