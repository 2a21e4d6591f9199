package planner

import (
	"reflect"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

func TestQualifiedCalls(t *testing.T) {
	got := qualifiedCalls(`public.f(a) + "My Schema"."g""x"(b, 'public.h(c)') + lower(x) + s . k ()`)
	want := []state.QualName{{Schema: "public", Name: "f"}, {Schema: "My Schema", Name: `g"x`}, {Schema: "s", Name: "k"}}
	if len(got) != 2 || !reflect.DeepEqual(got, want[:2]) {
		// Spaces around the dot are not canonical; only the first two
		// calls must be found, and never the one inside the literal.
		t.Fatalf("qualifiedCalls = %#v, want %#v", got, want[:2])
	}
}

func TestStepGraphOrder(t *testing.T) {
	// 0 -> 2, 1 unrelated: phase order 0,1,2 stays.
	g := stepGraph{after: [][]int{{2}, nil, nil}}
	if got := g.order(); !reflect.DeepEqual(got, []int{0, 1, 2}) {
		t.Fatalf("order = %v", got)
	}
	// 2 -> 0: 2 moves first, 1 keeps its rank among the ready ones.
	g = stepGraph{after: [][]int{nil, nil, {0}}}
	if got := g.order(); !reflect.DeepEqual(got, []int{1, 2, 0}) {
		t.Fatalf("order = %v", got)
	}
	// A cycle 0 <-> 1 is broken at its earliest step, once nothing else
	// is ready.
	g = stepGraph{after: [][]int{{1}, {0}, nil}}
	if got := g.order(); !reflect.DeepEqual(got, []int{2, 0, 1}) {
		t.Fatalf("order = %v", got)
	}
}
