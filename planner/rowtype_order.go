package planner

import (
	"container/heap"

	"github.com/renovate-pg/renovate/state"
)

// A table's row type is a type like any other: a domain can be made over
// it (CREATE DOMAIN d AS t), a composite type or another table's column
// can have it. Such a type can only be created after the table, and the
// tables using the type after the type. So types built (directly or
// through other types) on a table's row type are created in the table
// phase and dropped in the table-drop phase, and the steps of those two
// phases are put in the order of what each object references (edges
// from refIndex), so the order comes from what the domain references.

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

// orderRowTypePhases orders the steps of the table phases by reference,
// once the steps are sorted by phase: creates after what they use, drops
// before what they use. Steps that reference nothing in the phase keep
// their place relative to each other.
func (d *differ) orderRowTypePhases() {
	if len(d.typePlan.rowTypeUsersTo) > 0 {
		d.orderPhase(phaseCreateTable, newRefIndex(d.to), false)
	}
	if len(d.typePlan.rowTypeUsersFrom) > 0 {
		d.orderPhase(phaseDropTable, newRefIndex(d.from), true)
	}
}

// orderPhase stably topologically sorts the steps of phase ph: a step
// comes after the steps creating what it references (before the steps
// dropping what it references, when reverse). A cycle keeps the
// production order of the steps left.
func (d *differ) orderPhase(ph phase, x *refIndex, reverse bool) {
	lo := -1
	hi := -1
	for i, s := range d.steps {
		if s.phase == ph {
			if lo < 0 {
				lo = i
			}
			hi = i + 1
		}
	}
	if lo < 0 {
		return
	}
	steps := d.steps[lo:hi]
	owner := map[depNode]int{}
	for i, s := range steps {
		if s.Object.Table != "" {
			continue
		}
		if _, ok := owner[nodeOf(s.Object)]; !ok {
			owner[nodeOf(s.Object)] = i
		}
	}
	after := make([][]int, len(steps)) // after[i]: steps that must come after i
	indeg := make([]int, len(steps))
	for i, s := range steps {
		self := nodeOf(s.Object)
		refs := x.refs(s.Object)
		if s.Object.Table != "" {
			refs = append(refs, self)
		}
		for _, n := range refs {
			j, ok := owner[n]
			if !ok || j == i || (n == self && s.Object.Table == "") {
				continue
			}
			if reverse {
				after[i] = append(after[i], j)
				indeg[j]++
			} else {
				after[j] = append(after[j], i)
				indeg[i]++
			}
		}
	}
	h := &intHeap{}
	for i := range steps {
		if indeg[i] == 0 {
			heap.Push(h, i)
		}
	}
	out := make([]Step, 0, len(steps))
	done := make([]bool, len(steps))
	for h.Len() > 0 {
		i := heap.Pop(h).(int)
		done[i] = true
		out = append(out, steps[i])
		for _, j := range after[i] {
			if indeg[j]--; indeg[j] == 0 {
				heap.Push(h, j)
			}
		}
	}
	if len(out) != len(steps) {
		for i, s := range steps {
			if !done[i] {
				out = append(out, s)
			}
		}
	}
	copy(steps, out)
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
