package rows

import "strings"

// slabRows is how many rows' values one allocation of a Slab holds.
const slabRows = 256

// Slab hands out the value slices of rows read one after the other from
// larger allocations: one allocation per slabRows rows instead of one per
// row. A row keeps its slab alive; Merge clones the rows it keeps.
type Slab struct {
	free []Value
}

// Take returns a slice of n zero values, of capacity n.
func (s *Slab) Take(n int) []Value {
	if len(s.free) < n {
		s.free = make([]Value, n*slabRows)
	}
	v := s.free[:n:n]
	s.free = s.free[n:]
	return v
}

// Clone returns a copy of r that shares no memory with it: its values
// and their texts are copied, so that keeping it does not keep the
// larger allocations r's values may be part of (a Slab, the text of many
// rows).
func (r Row) Clone() Row {
	vals := make([]Value, len(r.Vals))
	for i, v := range r.Vals {
		vals[i] = Value{Null: v.Null, S: strings.Clone(v.S)}
	}
	return Row{Line: r.Line, Vals: vals}
}
